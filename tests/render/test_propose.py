"""The Propose page's form is made from the schemas, and the API gives each entry as written."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from community_playbooks.content.kinds import BY_NAME
from community_playbooks.content.linker import references
from community_playbooks.content.loader import load_library
from community_playbooks.content.model import build_entry
from community_playbooks.content.proposals import KINDS
from community_playbooks.content.validation import load_schemas
from community_playbooks.render.api import source_data
from community_playbooks.render.context import Site
from community_playbooks.render.pages.entry_parts import improve_links
from community_playbooks.render.pages.propose import PATTERN_MESSAGES, form_data, form_spec, propose_page
from community_playbooks.render.urls import page_uri

from ..conftest import ROOT

REPO = "https://github.com/community-playbooks/community-playbooks"


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT)


def walk_schema(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties":
                found.extend(value.items())
            walk_schema(value, found)
    elif isinstance(node, list):
        for value in node:
            walk_schema(value, found)
    return found


def test_every_field_a_proposal_holds_has_a_name_in_both_languages():
    schemas = load_schemas().documents
    for name in [BY_NAME[kind].schema_file for kind in KINDS] + ["common.schema.json"]:
        for field, node in walk_schema(schemas[name], []):
            if field in ("en", "zh") and "x-label" not in node:  # a text's languages are named by the form
                continue
            named = node
            if "x-label" not in node and "$ref" in node:  # named where it is defined
                named = schemas["common.schema.json"]["$defs"][node["$ref"].rsplit("/", 1)[1]]
            assert set(named.get("x-label", {})) == {"en", "zh"}, (name, field)
            # "title" names a type (Text, Web address): the security tests find fields by it
            assert "title" not in node, (name, field)


def test_every_pattern_has_words_for_the_reader():
    patterns = set()

    def collect(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.add(node["pattern"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(load_schemas().documents)
    assert patterns <= set(PATTERN_MESSAGES)


def annotated_references(schema_node, data, resolve, path=()):
    """(path, kind) of every value the schema marks with x-references, in ``data``."""
    node = resolve(schema_node)
    if "x-references" in node:
        yield path, node["x-references"]
        return
    if isinstance(data, dict):
        for option in node.get("anyOf", ()):
            if resolve(option).get("type") == "object":
                node = resolve(option)
        for key, value in data.items():
            sub = node.get("properties", {}).get(key) or node.get("additionalProperties")
            if isinstance(sub, dict):
                yield from annotated_references(sub, value, resolve, path + (key,))
    elif isinstance(data, list) and "items" in node:
        for i, value in enumerate(data):
            yield from annotated_references(node["items"], value, resolve, path + (i,))


def test_the_schemas_say_what_every_reference_names_as_the_linker_resolves_it(library):
    """The pickers come from the schemas' x-references; the linker has its own list: they agree."""
    documents = load_schemas().documents

    def resolve(node):
        ref = node.get("$ref")
        if not ref:
            return node
        target, _, pointer = ref.partition("#")
        found = documents[target or "common.schema.json"]
        for part in pointer.strip("/").split("/"):
            found = found[part]
        return {**resolve(found), **{k: v for k, v in node.items() if k != "$ref"}}

    for entry in (*library.playbooks.values(), *library.pitfalls.values(), *library.guides.values()):
        schema = documents[BY_NAME[entry.kind].schema_file]
        found = set(annotated_references(schema, source_data(entry), resolve))
        linked = {(path, kind if not path[-1] == "see" else "entry") for path, kind, _ in
                  (references(entry) if entry.kind == "playbook" else [])}
        linked |= {(("related", i), entry.kind) for i in range(len(entry.related))}
        linked |= {(("facts", i), "fact") for i in range(len(entry.facts))}
        assert found == linked, entry.file


def test_every_shipped_entry_is_in_the_api_as_its_file_writes_it(library):
    schemas = load_schemas()
    for entry in library.all_entries():
        data = source_data(entry)
        assert schemas.is_valid(entry.kind, data), entry.file
        assert build_entry(entry.kind, entry.id, entry.file, data) == entry, entry.file


def fields_by_name(fields, prefix=""):
    out = {}
    for field in fields:
        out[prefix + field["name"]] = field
        inner = field.get("fields") or (field.get("item") or {}).get("fields") or []
        out.update(fields_by_name(inner, prefix + field["name"] + "."))
    return out


def test_the_form_counts_lengths_as_the_rule_book_does(library):
    spec = form_spec(Site(library, "zh", repo_url=REPO).page("propose.md"))
    playbook = fields_by_name(spec["kinds"]["playbook"]["fields"])
    assert playbook["title"]["bounds"] == {"en": [3, 60], "zh": [2, 20]}
    assert playbook["title"]["label"] == "标题" and playbook["title"]["required"]
    assert playbook["messages.rules"]["bounds"] == {"en": [20, 1200], "zh": [10, 600]}
    assert playbook["checklists.items.id"]["auto"] is True
    assert playbook["rituals.ref"] == {**playbook["rituals.ref"], "type": "ref", "to": "ritual"}
    assert playbook["rituals.cadence"]["short"] == "every"
    assert playbook["sources.title"] == {**playbook["sources.title"], "single": True, "bounds": {}}
    guide = fields_by_name(spec["kinds"]["guide"]["fields"])
    assert guide["steps.text"]["bounds"] == {"en": [20, 700], "zh": [10, 350]}
    assert guide["steps"]["min"] == 3
    assert "needs_translation" not in fields_by_name(spec["kinds"]["pitfall"]["fields"])
    assert [c[0] for c in spec["choices"]["stage"]] == ["founder-led", "shared", "self-governing"]
    assert ["rituals/daily-check-in", "仪式 · 每日打卡"] in spec["choices"]["entry"]
    assert spec["issue"]["url"] == REPO + "/issues/new" and spec["issue"]["max_bytes"] == 8000
    assert spec["ids"] == {"pattern": "[a-z0-9]+(-[a-z0-9]+)*", "reserved": ["index"]}  # as the loader takes them


def test_every_entry_page_offers_an_edit_and_a_report(library):
    site = Site(library, "zh", site_url="https://example.org/cp/zh/", repo_url=REPO)
    pitfall = library.pitfalls["dead-group"]
    links = re.findall(r'href="([^"]+)">([^<]+)<', improve_links(site.page(page_uri("pitfall", "dead-group")), pitfall))
    (edit, edit_text), (report, report_text) = links
    assert (edit_text, report_text) == ("提出修改", "报告问题")
    assert edit == "../../propose/?edit=pitfalls%2Fdead-group"
    query = parse_qs(urlsplit(report.replace("&amp;", "&")).query)
    assert report.startswith(REPO + "/issues/new?")
    assert query["template"] == ["report-a-problem.yml"] and query["language"] == ["中文 (zh)"]
    assert query["page"] == ["https://example.org/cp/zh/pitfalls/dead-group/"]
    stage = library.stages["founder-led"]
    only_report = re.findall(r">([^<]+)</a>", improve_links(site.page(page_uri("stage", stage.id)), stage))
    assert only_report == ["报告问题"]  # stages are the maintainers': no form for them


def test_the_page_names_its_form_data_and_holds_no_entry(library):
    """The form's fields and choices are api/form.json, fetched by the page's script: the page
    itself holds the address and the words shown while it loads or when it cannot."""
    site = Site(library, "zh", repo_url=REPO)
    page = propose_page(site)
    assert 'data-cp-propose="../api/form.json"' in page
    assert 'data-cp-failed="表单没能加载出来。请检查网络后刷新页面。"' in page
    assert not any(title in page for title in (e.title.get("zh") for e in library.all_entries()))
    assert json.loads(form_data(site)) == form_spec(site.page("propose.md"))
    assert form_spec(site.page("propose.md"))["source"] == "../api/source"
