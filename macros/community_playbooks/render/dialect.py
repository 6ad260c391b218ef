"""The Markdown dialect of the pages, made in one place.

The pages are written in Python-Markdown with the extensions Material for MkDocs documents
(admonition, attr_list, md_in_html, pymdownx tabbed and details, toc anchors). Every piece
of that syntax the engine writes comes from a function here, so a builder that reads a
different dialect needs a different version of this module, not a change to every page.

Arguments are Markdown already: contributor text is escaped by ``escape`` before it gets here.
"""

from __future__ import annotations

import json
from typing import Iterable, Mapping, Sequence


def join(*parts: str) -> str:
    """Blocks separated by blank lines; empty parts dropped; one newline at the end."""
    return "\n\n".join(p for p in parts if p) + "\n"


def indent(text: str, spaces: int = 4) -> str:
    """Indent a block, e.g. into an admonition; blank lines stay empty."""
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.split("\n"))


def front_matter(meta: Mapping[str, object]) -> str:
    """YAML front matter; every value written as JSON, which YAML reads as written."""
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()) + "---"


def heading(level: int, text: str, anchor: str | None = None) -> str:
    return f"{'#' * level} {text}" + (f" {{#{anchor}}}" if anchor else "")


def section(title: str, anchor: str, body: str, *, searched: bool = True) -> str:
    """A second-level heading with a fixed anchor, then its body; ``searched=False`` keeps the
    section out of the search index (checklists, texts, lists of links)."""
    block = f"{heading(2, title, anchor)}\n\n{body}"
    return block if searched else unsearched(block)


# The site's search (Pagefind) leaves out what an element so marked holds.
UNSEARCHED = 'data-pagefind-ignore="all"'


def unsearched(body: str) -> str:
    """Markdown kept out of the search index: still on the page, never a search result."""
    return f'<div {UNSEARCHED} markdown="1">\n\n{body}\n\n</div>'


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def numbered(items: Iterable[str]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))


def bold(text: str) -> str:
    return f"**{text}**"


def emphasis(text: str) -> str:
    return f"*{text}*"


def link(label: str, href: str) -> str:
    return f"[{label}]({href})"


def line_break() -> str:
    """A hard line break inside a paragraph or list item."""
    return "  \n"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table; cells are escaped Markdown (a literal ``|`` is escaped by ``escape``)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def admonition(kind: str, title: str, body: str, *, folded: bool = False) -> str:
    """A call-out box, or with ``folded`` one that opens on a tap (pymdownx.details); ``title``
    must hold no double quote (``escape.label`` sees to that)."""
    return f'{"???" if folded else "!!!"} {kind} "{title}"\n\n' + indent(body)


def button(label: str, href: str, *, download: bool = False) -> str:
    return f"[{label}]({href}){{ .md-button{' download' if download else ''} }}"


def tabs(panels: Iterable[tuple[str, str]]) -> str:
    """Content tabs, one per (label, body); a label holds no double quote."""
    return "\n\n".join(f'=== "{label}"\n\n' + indent(body) for label, body in panels)


def markdown_block(css_class: str, body: str, anchor: str | None = None) -> str:
    """A ``<div>`` whose content is Markdown again (md_in_html); ``anchor`` is a fixed id, not text."""
    id_attribute = f' id="{anchor}"' if anchor else ""
    return f'<div class="{css_class}"{id_attribute} markdown="1">\n\n{body}\n</div>'
