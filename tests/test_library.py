"""Loading, linking and the way back, on the small fixture library (no MkDocs involved)."""

from __future__ import annotations

import shutil

import pytest

from macros.errors import ContentError
from macros.library import load_library
from macros.model import Playbook, Text

from .conftest import FIXTURE, ROOT


@pytest.fixture(scope="module")
def library():
    return load_library(FIXTURE)


def test_every_entry_is_loaded_by_kind(library):
    assert sorted(library.playbooks) == ["other-club", "tiny-club"]
    assert sorted(library.pitfalls) == ["dead-group", "sales-group"]
    assert sorted(library.rituals) == ["weekly-digest"]
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
    assert library.used_in[("stage", "shared")] == ("tiny-club",)


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
    first = load_library(root)
    assert load_library(root) is first  # unchanged files: the cached library
    path = root / "playbooks/pitfalls/sales-group.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("severity: medium", "severity: high"), encoding="utf-8")
    assert load_library(root).pitfalls["sales-group"].severity == "high"


def test_counting_texts_finds_exactly_the_texts_the_lint_checks():
    from macros.model import all_texts, texts_of

    library = load_library(ROOT)
    for entry in library.all_entries():
        assert sorted(map(id, all_texts(entry))) == sorted(id(text) for _, text in texts_of(entry)), entry.key


def test_a_cache_file_is_checked_like_any_other_file(tmp_path, monkeypatch):
    """The cache is a folder in the checkout: data planted there must not skip the schema."""
    import json

    from macros import library as library_module
    from macros.doccache import CACHE_DIR

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    library_module._valid.clear()
    load_library(root)  # fills .cache/
    planted = {"title": {"en": "Planted"}, "summary": "x", "reviewed": "2026-11-24", "severity": "lethal"}
    for cached in (root / CACHE_DIR).glob("*.json"):
        if json.loads(cached.read_text(encoding="utf-8")).get("severity"):
            cached.write_text(json.dumps(planted), encoding="utf-8")
    library_module._valid.clear()  # a new process: nothing in memory
    library_module._cache.clear()
    pitfalls = load_library(root).pitfalls
    assert {p.title.get("en") for p in pitfalls.values()} == {"Dead group", "Turning into a sales group"}
