"""The search index rewrite: smaller, the same entries; after a dirty rebuild, every page once."""

from __future__ import annotations

import json

from community_playbooks.adapters.search_index import INDEX, compact_search_index, merge_rebuilt


def write_index(site, docs):
    path = site / INDEX
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"config": {"lang": ["zh"]}, "docs": docs}), encoding="utf-8")  # ASCII-escaped
    return path


def doc(location, title):
    return {"location": location, "title": title, "text": ""}


def test_the_index_gets_smaller_and_holds_the_same_entries(tmp_path):
    docs = [{"location": "playbooks/reading-circle/", "title": "读书会", "text": "每周 一起 读 一本 书"}]
    path = write_index(tmp_path, docs)
    rewritten = compact_search_index(tmp_path)
    assert rewritten.after < rewritten.before
    assert json.loads(path.read_text(encoding="utf-8"))["docs"] == docs == rewritten.docs


def test_a_dirty_rebuild_keeps_the_pages_not_rebuilt_and_the_new_entries_of_the_rebuilt():
    previous = [doc("", "Home"), doc("a/", "A old"), doc("a/#gone", "A section removed since"), doc("b/", "B"),
                doc("deleted/", "A page no longer in the site")]
    # what the theme wrote: after a rebuilt home page, only the rebuilt pages, some twice
    written = [doc("", "Home"), doc("a/", "A stale copy"), doc("a/", "A new")]
    merged = merge_rebuilt(previous, written, rebuilt={"", "a/"}, pages={"", "a/", "b/"})
    assert sorted((d["location"], d["title"]) for d in merged) == [("", "Home"), ("a/", "A new"), ("b/", "B")]


def test_a_dirty_rebuild_is_merged_in_the_written_index(tmp_path):
    path = write_index(tmp_path, [doc("a/", "A new")])
    compact_search_index(tmp_path, previous=[doc("a/", "A old"), doc("b/", "B")], rebuilt={"a/"}, pages={"a/", "b/"})
    kept = json.loads(path.read_text(encoding="utf-8"))["docs"]
    assert sorted(d["title"] for d in kept) == ["A new", "B"]


def test_a_site_without_search_is_left_alone(tmp_path):
    assert compact_search_index(tmp_path) is None
