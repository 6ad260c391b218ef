"""The pages and data files a site gets from its library: the end of the flow, before MkDocs."""

from __future__ import annotations

import json
from datetime import date
from dataclasses import dataclass, is_dataclass
from typing import Any

from .linker import Library
from .model import LANGUAGES, SECTIONS, Entry, Text, field_names
from .calendar import has_calendar, ritual_calendar
from .context import calendar_uri, kit_uri, page_uri, page_url
from .indexes import index_page, translation_page
from .kit import kit_page
from .reference import reference_index, reference_page, reference_uri
from .render import entry_page
from .tools import TOOL_PAGES, builder_page, compare_page, playbook_view, symptom_finder_page

API_DIR = "api"


@dataclass(frozen=True)
class GeneratedFile:
    """A file of the built site that exists only in memory.

    ``uri`` is its path in the docs tree; ``edit_path`` the repository file a contributor
    edits to change it (``None`` for files with no single source).
    """

    uri: str
    content: str
    edit_path: str | None = None


def site_pages(library: Library, lang: str, today: date | None = None, *, site_url: str = "",
               pdf: bool = False) -> list[GeneratedFile]:
    """Every generated page and file of one language's site.

    An index per kind, a page per entry, a launch kit and a ritual calendar per playbook,
    the tools, the translation status and the field reference.
    """
    today = today or date.today()
    options = {"site_url": site_url, "pdf": pdf}
    pages = [GeneratedFile(page_uri(kind), index_page(library, kind, lang)) for kind in SECTIONS]
    for entry in library.all_entries():
        pages.append(GeneratedFile(page_uri(entry.kind, entry.id), entry_page(library, entry, lang, today, **options),
                                   entry.file))
    for playbook in library.playbooks.values():
        pages.append(GeneratedFile(kit_uri(playbook), kit_page(library, playbook, lang, today, **options), playbook.file))
        if has_calendar(library, playbook):
            url = f"{site_url.rstrip('/')}/{page_url(page_uri('playbook', playbook.id))}" if site_url else ""
            pages.append(GeneratedFile(calendar_uri(playbook), ritual_calendar(library, playbook, lang, today, url)))
    pages += [GeneratedFile(TOOL_PAGES["symptoms"].uri, symptom_finder_page(library, lang)),
              GeneratedFile(TOOL_PAGES["compare"].uri, compare_page(library, lang)),
              GeneratedFile(TOOL_PAGES["builder"].uri, builder_page(library, lang))]
    pages.append(GeneratedFile("translations.md", translation_page(library, lang)))
    if library.schemas:
        pages.append(GeneratedFile("reference/index.md", reference_index(lang)))
        pages += [GeneratedFile(reference_uri(kind), reference_page(library.schemas, kind, lang),
                                f"schemas/{kind}.schema.json") for kind in SECTIONS]
    return pages


def api_files(library: Library, lang: str = "en") -> list[GeneratedFile]:
    """The whole library as JSON: ``api/<section>.json`` per kind, ``api/index.json``, and one
    ``api/playbooks/<id>.json`` per playbook with its display text in the site's language
    (what the compare and checklist-builder pages read)."""
    files = []
    index: dict[str, Any] = {"languages": list(LANGUAGES), "endpoints": {}}
    for kind, section in SECTIONS.items():
        entries = {e.id: entry_json(library, e) for e in library.entries(kind).values()}
        uri = f"{API_DIR}/{section}.json"
        index["endpoints"][section] = {"url": uri, "count": len(entries)}
        files.append(GeneratedFile(uri, _dump({"kind": kind, "count": len(entries), "entries": list(entries.values())})))
        if kind == "playbook":
            for playbook in library.playbooks.values():
                data = {**entries[playbook.id],
                        "view": {lang: playbook_view(library, playbook, lang)}}
                files.append(GeneratedFile(f"{API_DIR}/playbooks/{playbook.id}.json", _dump(data)))
    index["endpoints"]["playbook"] = {"url": f"{API_DIR}/playbooks/{{id}}.json", "count": len(library.playbooks)}
    files.append(GeneratedFile(f"{API_DIR}/index.json", _dump(index)))
    return files


def entry_json(library: Library, entry: Entry) -> dict[str, Any]:
    """An entry as plain JSON data: every field, its URL, source file and backlinks."""
    data = {"id": entry.id, "kind": entry.kind, "url": page_url(page_uri(entry.kind, entry.id)), "file": entry.file}
    data.update({name: _plain(getattr(entry, name)) for name in field_names(type(entry)) if name not in ("id", "file")})
    if entry.kind != "playbook":
        data["used_in"] = list(library.used_in.get(entry.key, ()))
    data["related"] = list(library.related.get(entry.key, ()))
    return data


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, Text):
        written = value.translations
        if len(written) == len(LANGUAGES) and all(lang in written for lang in LANGUAGES):
            return dict(written)  # the common case, and the cheap one
        return {lang: value.get(lang) for lang in LANGUAGES}
    if isinstance(value, tuple):
        if len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], Text):
            return {"platform": value[0], "text": _plain(value[1])}
        return [_plain(v) for v in value]
    if is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in field_names(type(value))}
    return value


def _dump(data: Any) -> str:
    # compact: the C encoder handles it, where indent= falls back to the slow Python one
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
