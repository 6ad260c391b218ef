"""Make the theme's search index smaller without changing what it holds.

Material writes ``search/search_index.json`` with every non-ASCII character as a
``\\uXXXX`` escape: six bytes where UTF-8 needs three, and on the Chinese site, where
jieba puts a zero-width space between every two words, the index is nearly twice as big
as it needs to be. Every page loads it, so it is rewritten as compact UTF-8 JSON.

Under `mkdocs serve --dirty` the theme indexes only the pages it rebuilt, and its own
merge with the previous index is exact for one rebuilt page only (a rebuilt home page
drops every other page). So a dirty rebuild's index is merged here instead: the previous
entries of the pages not rebuilt, and the new entries of those rebuilt.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

INDEX = Path("search") / "search_index.json"


@dataclass(frozen=True)
class Rewritten:
    before: int  # bytes
    after: int
    docs: list[dict]


def page_of(doc: dict) -> str:
    """The page URL of a search entry: its location without the section anchor."""
    return doc["location"].split("#", 1)[0]


def merge_rebuilt(previous: list[dict], written: list[dict], rebuilt: Collection[str],
                  pages: Collection[str]) -> list[dict]:
    """The entries of a dirty rebuild: ``previous`` for the ``pages`` of the site (page URLs)
    not in ``rebuilt``, and for those in it the newest of what the theme ``written`` for each
    location. A page gone from the site is gone from the index."""
    kept = [doc for doc in previous if page_of(doc) not in rebuilt and page_of(doc) in pages]
    fresh = {doc["location"]: doc for doc in written if page_of(doc) in rebuilt}
    return kept + list(fresh.values())


def compact_search_index(site_dir: Path, *, previous: list[dict] | None = None, rebuilt: Collection[str] = (),
                         pages: Collection[str] = ()) -> Rewritten | None:
    """Rewrite the index in place, or return None when there is none.

    With ``previous`` (the entries of the last build), the index of a dirty rebuild is
    merged from it and the entries of the ``rebuilt`` pages, among the site's ``pages``.
    """
    path = Path(site_dir) / INDEX
    if not path.exists():
        return None
    before = path.stat().st_size
    data = json.loads(path.read_text(encoding="utf-8"))
    if previous is not None:
        data["docs"] = merge_rebuilt(previous, data["docs"], rebuilt, pages)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return Rewritten(before, path.stat().st_size, data["docs"])
