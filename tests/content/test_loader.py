"""Loading, linking and the way back, on the small fixture library (no MkDocs involved)."""

from __future__ import annotations

import shutil

import pytest

from community_playbooks.errors import ContentError
from community_playbooks.content.loader import Loader, load_library
from community_playbooks.content.model import Playbook, Text

from ..conftest import FIXTURE, ROOT


@pytest.fixture(scope="module")
def library():
    return load_library(FIXTURE)


def test_every_entry_is_loaded_by_kind(library):
    assert sorted(library.playbooks) == ["other-club", "tiny-club"]
    assert sorted(library.pitfalls) == ["dead-group", "founder-dependence", "off-topic-drift", "sales-group"]
    assert sorted(library.rituals) == ["monthly-look-back", "weekly-digest", "welcome-round"]
    assert sorted(library.stages) == ["founder-led", "shared"]


def test_entries_are_typed(library):
    club = library.playbooks["tiny-club"]
    assert isinstance(club, Playbook)
    assert club.group.size_min == 5 and club.group.platforms == ("wechat", "discord")
    assert club.rituals[0].cadence.day == "fri"
    assert club.checklists[1].items[0].condition.platforms == ("discord",)
    assert club.checklists[0].items[1].see == ("pitfalls", "sales-group")


def test_used_in_lists_every_playbook_that_references_an_entry(library):
    assert library.used_in[("pitfall", "dead-group")] == ("other-club", "tiny-club")
    assert library.used_in[("ritual", "weekly-digest")] == ("other-club", "tiny-club")
    assert library.used_in[("stage", "shared")] == ("other-club", "tiny-club")
    # a checklist item's condition names a stage without using it
    assert library.used_in[("pitfall", "sales-group")] == ("other-club", "tiny-club")


def test_related_links_go_both_ways(library):
    assert library.related[("playbook", "tiny-club")] == ("other-club",)
    assert library.related[("playbook", "other-club")] == ("tiny-club",)
    assert library.related[("pitfall", "sales-group")] == ("dead-group",)


def test_labels_come_from_the_schema_vocabularies(library):
    assert library.label("platform", "wechat", "zh") == "微信"
    assert library.label("phase", "before-launch", "en") == "Before launch"


def test_text_falls_back_to_another_language():
    text = Text.of({"zh": "只有中文"})
    assert text.get("en") == "只有中文" and not text.has("en") and text.has("zh")
    assert Text.of("same for all").has("zh")


def test_all_problems_of_all_files_come_in_one_run(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    (root / "playbooks/pitfalls/dead-group.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    club = root / "playbooks/tiny-club.yaml"
    club.write_text(club.read_text(encoding="utf-8").replace("ref: weekly-digest", "ref: nope"), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_library(root)
    files = {p.file for p in caught.value.problems}
    assert {"playbooks/pitfalls/dead-group.yaml", "playbooks/tiny-club.yaml"} <= files
    assert caught.value.report().endswith("nothing was built.")


def test_a_broken_file_is_reported_once_not_again_by_every_reference_to_it(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    (root / "playbooks/pitfalls/dead-group.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_library(root)
    report = caught.value.report()
    assert [p.file for p in caught.value.problems] == ["playbooks/pitfalls/dead-group.yaml"], report
    assert "unknown pitfall" not in report


def test_an_edit_is_seen_by_the_next_load(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    loader = Loader(root)
    first = loader.load()
    assert loader.load() is first  # unchanged files: the library already loaded
    path = root / "playbooks/pitfalls/sales-group.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("severity: medium", "severity: high"), encoding="utf-8")
    assert loader.load().pitfalls["sales-group"].severity == "high"


def test_every_text_is_found_once_at_the_path_where_it_stands():
    from dataclasses import fields, is_dataclass

    from community_playbooks.content.model import texts_of

    def every_text(value):  # the plain recursive walk, to compare with
        if isinstance(value, Text):
            yield value
        elif is_dataclass(value) and type(value).__name__ != "Source":
            for f in fields(value):
                yield from every_text(getattr(value, f.name))
        elif isinstance(value, tuple):
            for item in value:
                yield from every_text(item)

    def at(value, path):
        for part in path:
            if isinstance(value, tuple) and isinstance(part, str):  # a variation, by platform
                value = dict(value)[part]
            else:
                value = value[part] if isinstance(part, int) else getattr(value, part)
        return value

    for entry in load_library(ROOT).all_entries():
        found = texts_of(entry)
        assert sorted(map(id, every_text(entry))) == sorted(id(text) for _, text in found), entry.key
        assert all(at(entry, path) is text for path, text in found), entry.key


def test_a_cache_file_is_checked_like_any_other_file(tmp_path, monkeypatch):
    """The cache is a folder in the checkout: data planted there must not skip the schema."""
    import json

    from community_playbooks.content.cache import CACHE_DIR

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    load_library(root)  # fills .cache/
    planted = {"title": {"en": "Planted"}, "summary": "x", "reviewed": "2026-11-24", "severity": "lethal"}
    for cached in (root / CACHE_DIR).glob("*.json"):
        if json.loads(cached.read_text(encoding="utf-8")).get("severity"):
            cached.write_text(json.dumps(planted), encoding="utf-8")
    pitfalls = load_library(root).pitfalls  # a new loader: nothing in memory
    assert {p.title.get("en") for p in pitfalls.values()} == {"Dead group", "Turning into a sales group",
                                                               "Off-topic drift", "Founder dependence"}
