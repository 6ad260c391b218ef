"""The pages and data files a site gets from its library: the end of the flow, before MkDocs."""

from __future__ import annotations

import json
from datetime import date
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from .linker import Library
from .model import LANGUAGES, SECTIONS, Entry, Text
from .reference import reference_index, reference_page, reference_uri
from .render import entry_page, index_page, page_uri, translation_page

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


def site_pages(library: Library, lang: str, today: date | None = None) -> list[GeneratedFile]:
    """Every generated Markdown page: an index per kind, a page per entry, the field reference."""
    pages = [GeneratedFile(page_uri(kind), index_page(library, kind, lang)) for kind in SECTIONS]
    pages += [GeneratedFile(page_uri(entry.kind, entry.id), entry_page(library, entry, lang, today), entry.file)
              for entry in library.all_entries()]
    pages.append(GeneratedFile("translations.md", translation_page(library, lang)))
    if library.schemas:
        pages.append(GeneratedFile("reference/index.md", reference_index()))
        pages += [GeneratedFile(reference_uri(kind), reference_page(library.schemas, kind), f"schemas/{kind}.schema.json")
                  for kind in SECTIONS]
    return pages


def api_files(library: Library) -> list[GeneratedFile]:
    """The whole library as JSON: ``api/<section>.json`` per kind, and ``api/index.json``."""
    files = []
    index = {"languages": list(LANGUAGES), "endpoints": {}}
    for kind, section in SECTIONS.items():
        entries = [entry_json(library, e) for e in library.entries(kind).values()]
        uri = f"{API_DIR}/{section}.json"
        index["endpoints"][section] = {"url": uri, "count": len(entries)}
        files.append(GeneratedFile(uri, _dump({"kind": kind, "count": len(entries), "entries": entries})))
    files.append(GeneratedFile(f"{API_DIR}/index.json", _dump(index)))
    return files


def entry_json(library: Library, entry: Entry) -> dict[str, Any]:
    """An entry as plain JSON data: every field, its URL, source file and backlinks."""
    data = {"id": entry.id, "kind": entry.kind, "url": f"{entry.section}/{entry.id}/", "file": entry.file}
    data.update({f.name: _plain(getattr(entry, f.name)) for f in fields(entry) if f.name not in ("id", "file")})
    if entry.kind != "playbook":
        data["used_in"] = list(library.used_in.get(entry.key, ()))
    data["related"] = list(library.related.get(entry.key, ()))
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, Text):
        return {lang: value.get(lang) for lang in LANGUAGES}
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], Text):
        return {"platform": value[0], "text": _plain(value[1])}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
