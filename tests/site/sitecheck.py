"""Check every internal link and anchor of a built site, as a reader's browser would resolve them.

Every ``href`` and ``src`` of every HTML page (both languages, theme chrome included, raw
HTML from the tools included) is resolved against the page's URL; it must name a file of
the site, and its ``#anchor`` an ``id`` (or ``name``) on that page. Links to other hosts
are not followed: the weekly workflow checks those. A javascript: or data: link anywhere
is reported too: contributor text must never produce one.

Why not LinkChecker: on this site it took 3 min 40 s over file:// (and cannot check
anchors in directory URLs there) and 10 min 30 s over HTTP, because it fetches a page
once per anchor that points into it. This reads each page once.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class BrokenLink:
    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target} ({self.reason})"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])  # type: ignore[arg-type]
        for key in ("href", "src"):
            if values.get(key) and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.links.append(values[key])  # type: ignore[arg-type]


def check_site(site: Path, root_path: str = "/") -> tuple[int, list[BrokenLink]]:
    """(number of links checked, the broken ones) for the site built in ``site``.

    ``root_path`` is the path the site is served under (from ``site_url``): the 404 page
    links absolutely, from it.
    """
    pages: dict[str, _Page] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    broken: list[BrokenLink] = []
    checked = 0
    for name, page in pages.items():
        for link in page.links:
            parts = urlsplit(link.strip())
            if parts.scheme.lower() in ("javascript", "data", "vbscript"):
                broken.append(BrokenLink(name, link, "runs script or embeds data"))
                continue
            if parts.scheme or parts.netloc:
                continue  # another host, or mail
            checked += 1
            here = posixpath.dirname(name)
            path = unquote(parts.path)
            if path.startswith("/"):
                if not path.startswith(root_path):
                    broken.append(BrokenLink(name, link, f"outside {root_path}"))
                    continue
                path, here = path[len(root_path):], ""
            target = posixpath.normpath(posixpath.join(here, path)) if path else name
            if target.startswith("../") or target == "..":
                broken.append(BrokenLink(name, link, "leaves the site"))
                continue
            if target == ".":
                target = ""
            candidates = [target, posixpath.join(target, "index.html")] if not target.endswith(".html") else [target]
            found = next((c.lstrip("/") for c in candidates if c.lstrip("/") in files), None)
            if found is None:
                broken.append(BrokenLink(name, link, "no such file"))
                continue
            anchor = unquote(parts.fragment)
            if anchor and found in pages and anchor not in pages[found].ids:
                broken.append(BrokenLink(name, link, f"no id '{anchor}' on {found}"))
    return checked, broken
