"""The content lint: shipped content passes it, and each rule catches what it is for."""

from __future__ import annotations

import dataclasses

import pytest

from macros.library import load_library
from macros.lint import lint
from macros.model import Text

from .conftest import FIXTURE, ROOT


def test_shipped_content_passes_the_lint():
    problems = lint(load_library(ROOT))
    assert not problems, "\n".join(map(str, problems))


@pytest.fixture(scope="module")
def fixture():
    return load_library(FIXTURE)


def messages(problems):
    return [str(p) for p in problems]


def test_text_written_once_lacks_both_languages(fixture):
    found = messages(lint(fixture))
    assert "playbooks/other-club.yaml:1:8: title: no en and zh text; write it as {en: ..., zh: ...}" in found
    assert not any(m.startswith("playbooks/tiny-club.yaml") and "sources" in m for m in found)


def with_pitfall(library, **changes):
    pitfall = dataclasses.replace(library.pitfalls["sales-group"], **changes)
    return dataclasses.replace(library, pitfalls={**library.pitfalls, "sales-group": pitfall})


def test_placeholders_are_caught(fixture):
    library = with_pitfall(fixture, summary=Text.of({"en": "TODO: write a summary for this pitfall that is long "
                                                           "enough to pass", "zh": "待补充的简介内容，稍后再写完整。"}))
    found = messages(lint(library))
    assert any("summary.en: placeholder text 'TODO'" in m for m in found)
    assert any("summary.zh: placeholder text '待补充'" in m for m in found)


def test_lengths_are_bounded(fixture):
    library = with_pitfall(fixture, title=Text.of({"en": "A" * 61, "zh": "坑" * 21}))
    found = messages(lint(library))
    assert any("title.en: en text is 61 characters long; keep it between 3 and 60" in m for m in found)
    assert any("title.zh: zh text is 21 characters long; keep it between 2 and 20" in m for m in found)


def test_orphans_are_caught(fixture):
    library = dataclasses.replace(fixture, used_in={k: v for k, v in fixture.used_in.items()
                                                    if k != ("ritual", "weekly-digest")})
    assert any("rituals/weekly-digest.yaml" in m and "no playbook uses this ritual" in m
               for m in messages(lint(library)))


def test_near_identical_titles_are_caught(fixture):
    library = with_pitfall(fixture, title=Text.of({"en": "Dead groups", "zh": "死群了"}))
    assert any("title is nearly the same as playbooks/pitfalls/dead-group.yaml's" in m for m in messages(lint(library)))


def test_checklist_items_need_when_and_owner():
    from macros.schema import load_schemas
    from macros.library import SCHEMA_PATH

    item = load_schemas(SCHEMA_PATH).documents["playbook.schema.json"]["properties"]["checklists"]["items"]
    assert {"when", "owner"} <= set(item["properties"]["items"]["items"]["required"])
