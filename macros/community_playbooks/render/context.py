"""What a page is rendered for: the site (library, language, day, URL settings) and the page.

Every render function takes a ``Context``; it turns contributor text into safe Markdown
(through ``escape``), names vocabulary values and UI words in the page's language, and
makes links relative to the page, so ``mkdocs build --strict`` checks every one of them.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass, field
from datetime import date

from ..content.kinds import BY_SECTION
from ..content.languages import Language, language
from ..content.library import Library
from ..content.model import Entry, Text, join_chinese
from . import escape
from .strings import t
from .urls import page_uri, page_url, relative_path, relative_url, url_of


@dataclass(frozen=True)
class Site:
    """One language's site: what every page of it shares."""

    library: Library
    lang: str
    today: date = field(default_factory=date.today)
    site_url: str = ""
    directory_urls: bool = True  # MkDocs' use_directory_urls
    pdf: bool = False  # whether the build prints launch kits to PDF
    repo_url: str = ""  # the repository on GitHub: where proposals and reports are sent as issues

    def page(self, uri: str = "index.md") -> "Context":
        return Context(self, uri)

    def url(self, uri: str) -> str:
        """The URL of the page or file at ``uri``, relative to the site root."""
        return url_of(uri, self.directory_urls)

    def address(self, uri: str) -> str:
        """The public address of a page: absolute when the site's URL is known."""
        url = self.url(uri)
        return self.site_url.rstrip("/") + "/" + url if self.site_url else url


@dataclass(frozen=True)
class Context:
    """A page of a site: what every render function needs."""

    site: Site
    page: str = "index.md"

    @property
    def library(self) -> Library:
        return self.site.library

    @property
    def lang(self) -> str:
        return self.site.lang

    @property
    def today(self) -> date:
        return self.site.today

    # --- contributor text ---------------------------------------------------------------

    def text(self, value: Text | None) -> str:
        """One line of safe Markdown."""
        return escape.inline(value.get(self.lang), self._entry_href) if value else ""

    def paragraphs(self, value: Text) -> str:
        return escape.paragraphs(value.get(self.lang), self._entry_href)

    def title(self, value: Text) -> str:
        """A title for a heading, a link or an admonition: plain text, escaped, never a link."""
        return escape.label(value.get(self.lang))

    def html(self, value: Text) -> str:
        """The text for raw HTML: escaped, with Markdown links reduced to their labels."""
        return html.escape(self.unlinked(value))

    def unlinked(self, value: Text) -> str:
        """Plain text without link syntax, not escaped: for JSON, chat, terminals and templates."""
        return " ".join(escape.unlinked(value.get(self.lang)).split())

    # --- our own words ------------------------------------------------------------------

    def label(self, vocabulary: str, value: str) -> str:
        return escape.escape(self.library.label(vocabulary, value, self.lang))

    def plain_label(self, vocabulary: str, value: str) -> str:
        return self.library.label(vocabulary, value, self.lang)

    def ui(self, key: str, **values: object) -> str:
        text = t(key, self.lang, **values)
        return join_chinese(text) if values and not self.language.spaced else text

    @property
    def language(self) -> Language:
        return language(self.lang)

    @property
    def colon(self) -> str:
        """After a bold label: ':' or '：'."""
        return self.language.colon

    @property
    def label_separator(self) -> str:
        """Between a label and its value outside bold text: ': ' or '：'."""
        return self.language.label_separator

    @property
    def stop(self) -> str:
        return self.language.stop

    @property
    def list_separator(self) -> str:
        return self.language.list_separator

    # --- links --------------------------------------------------------------------------

    def href(self, kind: str, entry_id: str | None = None, anchor: str = "", view: str | None = None) -> str:
        """A relative ``.md`` link from this page to an entry's page, for Markdown."""
        return self.relative(page_uri(kind, entry_id, view)) + (f"#{anchor}" if anchor else "")

    def relative(self, uri: str) -> str:
        """A relative link between source paths, for Markdown (MkDocs turns it into a URL)."""
        return relative_path(uri, posixpath.dirname(self.page) or ".")

    def url(self, uri: str) -> str:
        """A relative URL from this page's URL to the page or file at ``uri``, for raw HTML."""
        return relative_url(self.site.url(uri), page_url(self.page, self.site.directory_urls))

    def canonical(self) -> str:
        """The page's public address, for print-outs."""
        return self.site.address(self.page)

    def link(self, entry: Entry) -> str:
        return f"[{self.title(entry.title)}]({self.href(entry.kind, entry.id)})"

    def _entry_href(self, section: str, entry_id: str, anchor: str) -> str | None:
        """Where ``[label](pitfalls/dead-group)`` in contributor text leads from this page."""
        kind = BY_SECTION[section].name
        if entry_id not in self.library.entries(kind):
            return None
        return self.href(kind, entry_id, anchor)
