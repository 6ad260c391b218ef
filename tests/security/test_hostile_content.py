"""A pull request of YAML alone cannot put markup, script, a template or a live link on the site.

Every payload goes into every free-text field of every kind at once (the fields come from
the schemas), the site's files are rendered, and each page is converted by Python-Markdown
with the extensions of mkdocs.yml, then compared with the same page rendered with a harmless
marker in the same fields: the payload may not add an element, an attribute or a link, no
event handler appears, and the payload is there as text. The JSON API and the calendars are
read back as data. Addresses and the constrained fields are checked against the schema.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from functools import lru_cache

import icalendar
import pytest

from community_playbooks.content import rules
from community_playbooks.content.locator import Locator
from community_playbooks.content.markup import LINK, web_target
from community_playbooks.content.validation import load_schemas
from community_playbooks.render.chat_texts import variants
from community_playbooks.render.context import Site
from community_playbooks.render.manifest import site_files

from .hostile import (HOSTILE_IDS, HOSTILE_URLS, MARKER, PAYLOADS, SAFE_URLS, Page, Project, created, library_of,
                      schema_slots, site_markdown, split_front_matter, visible)

TODAY = date(2026, 11, 30)
SITE_URL = "https://community-playbooks.github.io/community-playbooks/"


@lru_cache(maxsize=None)
def rendered(value: str) -> dict[str, dict[str, str]]:
    """Every generated file of both languages with ``value`` in every free-text field:
    language -> uri -> content (pages as HTML, front matter as JSON, data files as they are)."""
    library = library_of(Project.fixture().filled(lambda slot: value))
    converter = site_markdown()
    out: dict[str, dict[str, str]] = {}
    for lang in ("en", "zh"):
        files = {}
        for generated in site_files(Site(library, lang, TODAY, site_url=SITE_URL)):
            if generated.uri.endswith(".md"):
                meta, body = split_front_matter(generated.content)
                files[generated.uri] = converter.reset().convert(body)
                files[generated.uri + "#meta"] = json.dumps(meta, ensure_ascii=False)
            else:
                files[generated.uri] = generated.content
        out[lang] = files
    return out


def web_links(payload: str) -> list[str]:
    """The web addresses the payload links to on purpose: these may become links."""
    return [target for _, target in LINK.findall(payload) if web_target(target)]


def shown(payload: str) -> str:
    """What a reader sees of the payload: real links reduced to their label, whitespace folded."""
    return visible(LINK.sub(lambda m: m[1] if web_target(m[2]) else m[0], payload))


def test_the_fixture_holds_every_field_the_schemas_allow():
    """Each payload is written into the fixture's fields: a field it lacks would go untested."""
    project = Project.fixture()
    missing = [f"{slot.kind}: {'.'.join(slot.path)}" for slot in schema_slots(load_schemas()) if not project.holds(slot)]
    assert not missing, "add these fields to tests/fixtures/library/: " + ", ".join(missing)


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_payloads_are_text_on_every_page_never_markup(payload):
    pages, baseline = rendered(payload), rendered(MARKER)
    allowed_links = Counter(web_links(payload))
    checked = 0
    for lang in ("en", "zh"):
        for uri, html in pages[lang].items():
            if not uri.endswith(".md"):
                continue
            page, marker = Page(html), Page(baseline[lang][uri])
            where = f"{lang}/{uri}"
            assert not page.handlers(), f"{where}: event handler {page.handlers()}"
            extra = created(page, marker)
            if allowed_links:
                extra -= Counter({("a", ("href",)): sum(allowed_links.values()) * 1000})
            assert not extra, f"{where}: the payload made {dict(extra)}"
            links = page.links() - marker.links()
            assert all(link in allowed_links for link in links), f"{where}: new links {dict(links)}"
            for _, name, value in page.attributes:
                if name in ("href", "src"):
                    assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), f"{where}: {value}"
            # the payload as written (a chat text, an author's name), with its web links as links (running
            # text), or as a chat text is pasted into Discord, Telegram and Slack (in the tabs of its versions)
            chat = variants(payload)
            forms = {shown(payload), visible(payload), visible(chat.markdown), visible(chat.slack)}
            wanted = marker.text.count(MARKER)
            assert sum(page.text.count(form) for form in forms) >= wanted, f"{where}: the payload is not shown"
            checked += wanted
            meta, marker_meta = (json.loads(files[lang][uri + "#meta"]) for files in (pages, baseline))
            for key in ("title", "description"):  # data for the templates, which escape it (test_hostile_site)
                if MARKER in marker_meta.get(key, ""):  # made from the content
                    assert any(form in meta[key] for form in forms), f"{where}: front matter {key} {meta[key]!r}"
                else:  # the page's own words (the Propose page's title): the content cannot change them
                    assert meta.get(key) == marker_meta.get(key), f"{where}: front matter {key} {meta.get(key)!r}"
    assert checked > 300  # every free-text field, on every page that shows it


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_payloads_are_data_in_the_api_and_text_in_the_calendars(payload):
    files, baseline = rendered(payload)["en"], rendered(MARKER)["en"]
    api = [uri for uri in files if uri.endswith(".json")]
    assert api
    found = 0
    for uri in api:
        strings = list(_strings(json.loads(files[uri])))
        found += sum(value == payload.strip() for _, value in strings)
        for key, value in strings:
            if key == "url":  # page addresses relative to the site, sources on the web
                assert value.startswith(("http://", "https://")) or not re.match(r"\w+:", value), (uri, value)
    assert found > 100
    calendars = [uri for uri in files if uri.endswith(".ics")]
    assert calendars
    for uri in calendars:
        calendar, marker = (icalendar.Calendar.from_ical(text) for text in (files[uri], baseline[uri]))
        events, marker_events = calendar.walk("VEVENT"), marker.walk("VEVENT")
        assert len(events) == len(marker_events), uri
        for event, marker_event in zip(events, marker_events):
            assert set(event) == set(marker_event), f"{uri}: the payload added a property"
            flat = " ".join(visible(re.sub(r"[\x00-\x1f\x7f]", " ", payload)).split())
            assert flat in " ".join(str(event["SUMMARY"]).split())


def _strings(value, key=""):
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)


# what Discord's and Telegram's Markdown read anywhere in a line, and at its start
CHAT_MARKS, CHAT_LEADING = set("\\*_~`|[]<"), ("#", ">", "-", "+")


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_chat_texts_keep_every_character_on_platforms_that_read_markdown(payload):
    """Discord and Telegram read Markdown (never HTML): in their version of a chat text every mark
    they would read is escaped, and taking the escapes away gives the text as written. Only the
    heading line is made bold."""
    text = f"Heading line\n{payload}"
    lines = variants(text).markdown.split("\n")
    assert lines[0] == "**Heading line**"
    originals = [line.rstrip() for line in text.split("\n")[1:]]
    originals = [line for line in "\n".join(originals).strip("\n").split("\n")]
    shown_lines = [line for line in lines[1:]]
    assert len(shown_lines) == len([o for o in originals if True]) or "\n\n\n" in payload
    for original, line in zip(originals, shown_lines):
        unescaped, i = [], 0
        while i < len(line):
            if line[i] == "\\" and i + 1 < len(line) and (line[i + 1] in CHAT_MARKS or
                                                           (i == 0 and line[i + 1] in CHAT_LEADING)):
                unescaped.append(line[i + 1])
                i += 2
                continue
            assert line[i] not in CHAT_MARKS, f"{line!r}: an unescaped {line[i]!r}"
            unescaped.append(line[i])
            i += 1
        assert "".join(unescaped) == original
        if original[:1] in CHAT_LEADING:
            assert line.startswith("\\"), line


def test_hostile_addresses_are_refused_where_they_are_written():
    schemas = load_schemas()
    url_slots = [slot for slot in schema_slots(schemas) if slot.what == "url"]
    assert {slot.kind for slot in url_slots} >= {"playbook", "pitfall", "platform"}
    project = Project.fixture()
    for slot in url_slots:
        kind, path, data = next((k, p, d) for k, p, d in project.files if k.name == slot.kind and _has(d, slot.path))
        for url in HOSTILE_URLS + SAFE_URLS:
            broken = _set(json.loads(json.dumps(data)), slot.path, url)
            fast, slow = schemas.is_valid(kind.name, broken), not list(schemas.validators[kind.name].iter_errors(broken))
            assert fast == slow, (slot, url)  # one verdict
            assert fast == (url in SAFE_URLS), (slot, url)


def test_safe_addresses_become_exactly_those_links():
    for url in SAFE_URLS:
        library = library_of(Project.fixture().filled(lambda slot: MARKER))
        source = library.playbooks["tiny-club"].sources[0]
        club = library.playbooks["tiny-club"]
        import dataclasses
        moved = dataclasses.replace(club, sources=(dataclasses.replace(source, url=url),))
        from community_playbooks.render.pages.playbook import playbook_page
        html = site_markdown().convert(split_front_matter(playbook_page(Site(library, "en"), moved))[1])
        assert url in Page(html).links()


def test_constrained_fields_refuse_hostile_values():
    schemas = load_schemas()
    project = Project.fixture()
    checked = 0
    for slot in (s for s in schema_slots(schemas) if s.what == "constrained"):
        kind, path, data = next((k, p, d) for k, p, d in project.files if k.name == slot.kind and _has(d, slot.path))
        for value in HOSTILE_IDS:
            broken = _set(json.loads(json.dumps(data)), slot.path, value)
            fast, slow = schemas.is_valid(kind.name, broken), not list(schemas.validators[kind.name].iter_errors(broken))
            assert fast == slow and not fast, (slot, value)
            checked += 1
    assert checked > 100


def test_invisible_characters_are_refused_in_every_field():
    """Zero-width spaces travel into copied text, and bidi overrides make a line read differently:
    the rule book reports each field that holds one, whichever field it is."""
    for char in ("\u200b", "\u202e", "\u2066", "\ufeff", "\u00ad"):
        value = f"a{char}b"
        files = Project.fixture().filled(lambda slot: value)
        written = sum(_count(data, value) for _, _, data in files)
        problems = [p for p in rules.check(library_of(files), Locator()) if f"U+{ord(char):04X}" in p.message]
        assert len(problems) == written > 300, char
        assert all(p.field and "delete it" in p.hint for p in problems)


def _count(data, value) -> int:
    if data == value:
        return 1
    if isinstance(data, dict):
        return sum(_count(v, value) for v in data.values())
    if isinstance(data, list):
        return sum(_count(v, value) for v in data)
    return 0


def _has(data, path) -> bool:
    from .hostile import _places
    return bool(list(_places(data, path)))


def _set(data, path, value):
    from .hostile import _places
    for parent, key in list(_places(data, path)):
        parent[key] = value
    return data
