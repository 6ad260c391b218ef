"""The field reference pages come from the schemas: every field is there, with its facts."""

from __future__ import annotations

import json

import pytest

from community_playbooks.content.validation import SCHEMA_DIR as SCHEMA_PATH
from community_playbooks.render.pages.field_reference import reference_page
from community_playbooks.content.validation import load_schemas


@pytest.fixture(scope="module")
def documents():
    return load_schemas(SCHEMA_PATH).documents


@pytest.mark.parametrize("kind", ["playbook", "pitfall", "ritual", "stage"])
def test_every_top_level_field_is_listed_with_required_marked(documents, kind):
    page = reference_page(documents, kind)
    schema = documents[f"{kind}.schema.json"]
    for name in schema["properties"]:
        row = next(line for line in page.splitlines() if line.startswith(f"| `{name}` |"))
        assert ("| yes |" in row) == (name in schema["required"]), row


def test_nested_fields_enums_and_examples(documents):
    page = reference_page(documents, "playbook")
    for path in ["group.size.min", "rituals[].cadence", "rituals[].cadence.day", "checklists[].items[].see",
                 "checklists[].items[].if.platforms", "feedback.levels[].privileges", "messages.rules"]:
        assert f"| `{path}` |" in page, path
    assert "`application` (Application)" in page
    assert '`"rituals/welcome-introduction"`' in page


def test_a_schema_change_shows_on_the_page(documents):
    changed = json.loads(json.dumps(documents))
    changed["pitfall.schema.json"]["properties"]["severity"]["description"] = "How bad it gets, changed."
    assert "How bad it gets, changed." in reference_page(changed, "pitfall")


@pytest.mark.parametrize("kind", ["playbook", "pitfall", "ritual", "stage"])
def test_the_chinese_reference_is_written_in_chinese(documents, kind):
    page = reference_page(documents, kind, "zh")
    schema = documents[f"{kind}.schema.json"]
    for name, field in schema["properties"].items():
        row = next(line for line in page.splitlines() if line.startswith(f"| `{name}` |"))
        if "x-description-zh" in field:
            assert field["x-description-zh"] in row, row
    # every description of every schema has its Chinese twin, so no English sentence is left on the page
    missing = [path for path, node in _nodes(documents) if "description" in node and "x-description-zh" not in node]
    assert not missing, missing


def _nodes(value, path=""):
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            yield from _nodes(child, f"{path}/{key}")
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _nodes(child, f"{path}/{i}")


def test_an_example_belongs_to_its_field_not_to_the_shared_text_or_id_type(documents):
    page = reference_page(documents, "playbook")
    rows = {line.split("|")[1].strip(): line for line in page.splitlines() if line.startswith("| `")}
    assert "Reading circle" in rows["`title`"]
    for path in ("`summary`", "`mission.purpose`", "`messages.rules`", "`governance[].lead`"):
        assert "Weekly theme share" not in rows[path], rows[path]
    assert '`"founder-led"`' in rows["`governance[].stage`"]
    assert '`"dead-group"`' in rows["`pitfalls[].ref`"]
    assert '`"weekly-theme-share"`' in rows["`rituals[].ref`"]
