"""Contributor text -> Markdown that shows exactly what was written.

Every character Markdown, its extensions or Jinja could read as syntax is escaped, and
``<``, ``>`` and ``&`` become entities, so ``{{ 7*7 }}``, ``<script>`` and ``{: onclick}``
reach the page as text. The only syntax kept is a link ``[label](target)`` whose target is
an http(s) address, or an entry of the library written ``section/id`` (``pitfalls/dead-group``),
which the page turns into a link that is right wherever the text appears.
"""

from __future__ import annotations

import re
from typing import Callable

from ..content.markup import LINK, entry_target, unlinked, web_target

# backslash-escaped anywhere: Markdown, pymdownx (tilde, caret, mark, keys), attr_list and Jinja braces
_BACKSLASHED = "\\`*_{}[]#!|~^="
_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in _BACKSLASHED}})
# every run of whitespace but the no-break spaces, which are there to keep a number by its unit
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f]+")
# at the start of a line these open a list, a quote, a heading or (???) a collapsible block
_LEADING_MARKER = re.compile(r"^(\d+)([.)])|^([-+?])")

# (section, id, anchor) -> a link target for this page, or None when there is no such entry
EntryHref = Callable[[str, str, str], "str | None"]

__all__ = ["EntryHref", "chat_markdown", "escape", "inline", "label", "paragraphs", "unlinked",
           "web_link"]


def escape(text: str) -> str:
    """Escape plain text for use inside a Markdown paragraph, list item or table cell; line
    breaks are folded into spaces, since a new line could start a list, a quote or a heading."""
    text = _WHITESPACE.sub(" ", text)  # runs of spaces stay one space: a piece of a line keeps its edges
    return _LEADING_MARKER.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text.translate(_TABLE), count=1)


def inline(text: str, entry_href: EntryHref | None = None) -> str:
    """One line of Markdown from contributor text: whitespace folded, safe links kept."""
    text = " ".join(text.split())
    if "[" not in text:  # no link to keep: most text
        return escape(text)
    out, last = [], 0
    for match in LINK.finditer(text):
        label_text, target = match.groups()
        out.append(escape(text[last:match.start()]))
        href = _target(target, entry_href)
        out.append(f"[{escape(label_text)}]({href})" if href else escape(match.group(0)))
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _target(target: str, entry_href: EntryHref | None) -> str | None:
    if web_target(target):
        return target
    entry = entry_target(target)
    if entry and entry_href:
        return entry_href(*entry)
    return None


def web_link(label_markdown: str, url: str) -> str:
    """A Markdown link to ``url`` when it is an address the site links to; else the label and
    the address as text. The schema refuses such an address already: this is the second lock."""
    if web_target(url):
        return f"[{label_markdown}]({url})"
    return f"{label_markdown} ({escape(url)})"


def paragraphs(text: str, entry_href: EntryHref | None = None) -> str:
    """Markdown paragraphs from contributor text; a blank line starts a new paragraph."""
    return "\n\n".join(inline(p, entry_href) for p in re.split(r"\n\s*\n", text.strip()) if p.strip())


def label(text: str) -> str:
    """A title as a Markdown label (a heading, a link's text, an admonition's quoted title):
    links reduced to their text, everything escaped, and no double quote to end a title."""
    return escape(" ".join(unlinked(text).split())).replace('"', "&quot;")


# Chat Markdown (Discord, Telegram) reads these anywhere in a line; a backslash shows them as written.
_CHAT_INLINE = re.compile(r"([\\*_~`|\[\]<])")
# ... and these at the start of a line (heading, quote, bullet).
_CHAT_LEADING = re.compile(r"^([#>\-+])")
_NUMBERED = re.compile(r"^\d+\. ")


def chat_markdown(line: str) -> str:
    """One line of text that Discord-style Markdown shows exactly as written."""
    line = _CHAT_INLINE.sub(r"\\\1", line)
    if _NUMBERED.match(line):  # "1. " numbering stays a list: it reads the same everywhere
        return line
    return _CHAT_LEADING.sub(r"\\\1", line)
