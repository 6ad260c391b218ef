"""Loading, linking and the way back, on the small fixture library (no MkDocs involved)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
                value = next(v.text for v in value if v.platform == part)
            else:
                value = value[part] if isinstance(part, int) else getattr(value, part)
        return value

    for entry in load_library(ROOT).all_entries():
        found = texts_of(entry)
        assert sorted(map(id, every_text(entry))) == sorted(id(text) for _, text in found), entry.key
        assert all(at(entry, path) is text for path, text in found), entry.key


def test_the_cache_cannot_be_forged(tmp_path, monkeypatch):
    """Valid data is cached outside the checkout, bound to the bytes it came from, and
    checked against the schema again: a planted or edited cache entry is never published."""
    import hashlib
    import json

    cache = tmp_path / "user-cache"
    monkeypatch.setenv("CP_CACHE_DIR", str(cache))
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    shutil.rmtree(root / ".cache", ignore_errors=True)  # what an older engine may have left in a checkout
    load_library(root)  # fills the user's cache
    assert not (root / ".cache").exists(), "nothing is cached inside the project"
    entries = {path: json.loads(path.read_text(encoding="utf-8")) for path in cache.rglob("*.json")}
    pitfalls = [path for path, stored in entries.items() if stored["data"].get("severity")]
    assert pitfalls
    planted = {"title": {"en": "Planted", "zh": "植入"}, "summary": "x" * 80, "reviewed": "2026-11-24",
               "severity": "high", "signs": ["a", "b", "c"], "causes": ["a"], "prevention": ["a"], "remedy": ["a"]}
    # 1. entries edited in the user's cache: their data is checked against the schema again
    dead = (root / "playbooks/pitfalls/dead-group.yaml").read_bytes()
    for path in pitfalls:
        stored = entries[path]
        stored["data"] = {**planted, "severity": "lethal"}
        path.write_text(json.dumps(stored), encoding="utf-8")
    # 2. entries planted inside the checkout, with the right digest of a real file: never read
    # 3. and an entry whose bytes changed since: its digest no longer matches, so the file is read again
    stale = next(iter(pitfalls))
    stored = json.loads(stale.read_text(encoding="utf-8"))
    stale.write_text(json.dumps({**stored, "data": planted, "source": hashlib.sha256(b"old bytes").hexdigest()}),
                     encoding="utf-8")
    inside = root / ".cache" / "playbooks"
    inside.mkdir(parents=True)
    for path in pitfalls:
        (inside / path.name).write_text(json.dumps({"source": hashlib.sha256(dead).hexdigest(), "data": planted}),
                                        encoding="utf-8")
    titles = {p.title.get("en") for p in load_library(root).pitfalls.values()}  # a new loader: nothing in memory
    assert titles == {"Dead group", "Turning into a sales group", "Off-topic drift", "Founder dependence"}


def test_the_tests_keep_their_own_cache_folder():
    """No test reads or fills the user's cache: the suite sets its own folder for the run."""
    from community_playbooks.content.cache import user_cache_dir

    assert os.environ["CP_CACHE_DIR"] and "cp-test-cache-" in os.environ["CP_CACHE_DIR"]
    assert user_cache_dir() == Path(os.environ["CP_CACHE_DIR"])


def test_the_cache_drops_what_no_recent_build_used(tmp_path, monkeypatch):
    import time

    from community_playbooks.content.cache import OTHER_ENGINE_DAYS, UNUSED_DAYS

    cache = tmp_path / "cache"
    monkeypatch.setenv("CP_CACHE_DIR", str(cache))
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    load_library(root)
    (engine,) = [p for p in cache.iterdir() if p.is_dir()]
    used = sorted(engine.glob("*.json"))
    assert len(used) == sum(1 for _ in (root / "playbooks").rglob("*.yaml"))
    # an entry for a version of a file that is gone, and another engine's folder, both long unused
    day = 24 * 3600
    old_entry = engine / ("0" * 64 + ".json")
    old_entry.write_text(used[0].read_text(encoding="utf-8"), encoding="utf-8")
    other = cache / "0123456789abcdef"
    other.mkdir()
    (other / "x.json").write_text("{}", encoding="utf-8")
    long_ago = time.time() - (max(UNUSED_DAYS, OTHER_ENGINE_DAYS) + 1) * day
    for path in (*used, old_entry, other / "x.json", other):
        os.utime(path, (long_ago, long_ago))
    (cache / ".pruned").unlink()  # tidied at most once a day: as if the last time was yesterday
    load_library(root)  # tidies, then reads (or writes again) what the current files need
    assert not old_entry.exists() and not other.exists()
    assert all(path.exists() for path in used)
