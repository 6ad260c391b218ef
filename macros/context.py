"""Where a page is rendered: the library, the language, the page's own path, the day.

Every render function takes a ``Context``; it turns contributor text into safe Markdown
(through ``mdtext``), names vocabulary values and UI words in the page's language, and
makes links relative to the page, so ``mkdocs build --strict`` checks every one of them.
"""

from __future__ import annotations

import functools
import html
import posixpath
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from . import mdtext
from .linker import Library
from .model import KIND_OF_SECTION, SECTIONS, Entry, Text
from .ui import t


def page_uri(kind: str, entry_id: str | None = None, view: str | None = None) -> str:
    """The source path of an entry's page (or of a kind's index page) in the docs tree.

    ``view`` names a second page of the entry, such as a playbook's ``kit``.
    """
    if view:
        return f"{SECTIONS[kind]}/{entry_id}/{view}.md"
    return f"{SECTIONS[kind]}/{entry_id or 'index'}.md"


# A playbook's other files, beside its page: the print view, its PDF and its calendar.
KIT_VIEW = "kit"
PDF_NAME = "launch-kit.pdf"
CALENDAR_NAME = "rituals.ics"


def kit_uri(playbook: Entry) -> str:
    return page_uri("playbook", playbook.id, KIT_VIEW)


def pdf_uri(playbook: Entry) -> str:
    """Where the build prints the launch kit: not a page, so raw HTML links to it."""
    return f"{SECTIONS['playbook']}/{playbook.id}/{PDF_NAME}"


def calendar_uri(playbook: Entry) -> str:
    return f"{SECTIONS['playbook']}/{playbook.id}/{CALENDAR_NAME}"


def page_url(uri: str) -> str:
    """The URL path, relative to the site root, that MkDocs gives the page at ``uri``."""
    stem = uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@dataclass(frozen=True)
class Context:
    """What every render function needs: the library, the language, where the page sits, and the day."""

    library: Library
    lang: str
    page: str = "index.md"
    today: date = field(default_factory=date.today)
    site_url: str = ""
    pdf: bool = False  # whether the build prints launch kits to PDF

    # --- contributor text ---------------------------------------------------------------

    def text(self, value: Text | None) -> str:
        """One line of safe Markdown."""
        return mdtext.inline(value.get(self.lang), self._entry_href) if value else ""

    def paragraphs(self, value: Text) -> str:
        return mdtext.paragraphs(value.get(self.lang), self._entry_href)

    def title(self, value: Text) -> str:
        """A title for a heading, a link or an admonition: plain text, escaped, never a link."""
        return mdtext.label(value.get(self.lang))

    def html(self, value: Text) -> str:
        """The text for raw HTML: escaped, with Markdown links reduced to their labels."""
        return html.escape(self.unlinked(value))

    def unlinked(self, value: Text) -> str:
        """Plain text without link syntax, not escaped: for JSON, chat and terminals."""
        return " ".join(mdtext.unlinked(value.get(self.lang)).split())

    # --- our own words ------------------------------------------------------------------

    def label(self, vocabulary: str, value: str) -> str:
        return mdtext.escape(self.library.label(vocabulary, value, self.lang))

    def ui(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    @property
    def colon(self) -> str:
        """After a bold label: ':' or '：'."""
        return "：" if self.lang == "zh" else ":"

    @property
    def label_separator(self) -> str:
        """Between a label and its value outside bold text: ': ' or '：'."""
        return "：" if self.lang == "zh" else ": "

    @property
    def stop(self) -> str:
        return "。" if self.lang == "zh" else "."

    @property
    def list_separator(self) -> str:
        return "、" if self.lang == "zh" else ", "

    # --- links --------------------------------------------------------------------------

    def href(self, kind: str, entry_id: str | None = None, anchor: str = "", view: str | None = None) -> str:
        """A relative ``.md`` link from this page to an entry's page, for Markdown."""
        return self.relative(page_uri(kind, entry_id, view)) + (f"#{anchor}" if anchor else "")

    def relative(self, uri: str) -> str:
        return _relpath(uri, posixpath.dirname(self.page) or ".")

    def url(self, uri: str) -> str:
        """A relative URL from this page's URL to the page or file at ``uri``, for raw HTML."""
        here = page_url(self.page)
        target = page_url(uri) if uri.endswith(".md") else uri
        rel = posixpath.relpath(target or ".", here or ".")
        return rel + "/" if target.endswith("/") and rel != "." else ("./" if rel == "." else rel)

    def canonical(self) -> str:
        """The page's public address, for print-outs."""
        return self.site_url.rstrip("/") + "/" + page_url(self.page) if self.site_url else page_url(self.page)

    def link(self, entry: Entry) -> str:
        return f"[{self.title(entry.title)}]({self.href(entry.kind, entry.id)})"

    def _entry_href(self, section: str, entry_id: str, anchor: str) -> str | None:
        """Where ``[label](pitfalls/dead-group)`` in contributor text leads from this page."""
        kind = KIND_OF_SECTION[section]
        if entry_id not in self.library.entries(kind):
            return None
        return self.href(kind, entry_id, anchor)


@functools.lru_cache(maxsize=65536)
def _relpath(target: str, start: str) -> str:
    # the same few thousand pairs come back on every page of a kind
    return posixpath.relpath(target, start)


# --- Markdown assembly --------------------------------------------------------------------

def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def section(ctx: Context, key: str, anchor: str, body: str) -> str:
    return f"## {ctx.ui(key)} {{#{anchor}}}\n\n{body}"


def join(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p) + "\n"


def indent(text: str, spaces: int = 4) -> str:
    """Indent a block, e.g. into an admonition; blank lines stay empty."""
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.split("\n"))
