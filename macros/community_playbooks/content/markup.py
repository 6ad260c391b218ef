"""The one piece of markup contributor text may hold: a link ``[label](target)``.

A target is either a web address (``https://...``) or an entry of the library written
``section/id`` with an optional ``#anchor`` (``pitfalls/dead-group#remedy``). Anything else
in brackets is plain text. The renderers decide how a link looks; this module only says
what counts as one, so the content rules and every renderer agree.
"""

from __future__ import annotations

import re

from .kinds import SECTIONS

LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
# nothing that could end the target, open an attribute or hide a scheme in an entity
WEB_TARGET = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+")
ENTRY_TARGET = re.compile(rf"({'|'.join(SECTIONS.values())})/([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([a-z0-9-]+))?")


def web_target(target: str) -> bool:
    return WEB_TARGET.fullmatch(target) is not None


def entry_target(target: str) -> tuple[str, str, str] | None:
    """(section, id, anchor) of a link to an entry, or None."""
    match = ENTRY_TARGET.fullmatch(target)
    return (match[1], match[2], match[3] or "") if match else None


def entry_targets(text: str) -> list[tuple[str, str]]:
    """The (section, id) of every ``[label](section/id)`` link in ``text``."""
    return [(found[0], found[1]) for found in (entry_target(t) for _, t in LINK.findall(text)) if found]


def is_link(target: str) -> bool:
    """Whether ``[label](target)`` is a link: to the web, or to an entry of the library."""
    return web_target(target) or entry_target(target) is not None


def unlinked(text: str) -> str:
    """Plain text with every link reduced to its label, for chat, terminals and raw HTML; text
    in brackets that is not a link stays as written, like everywhere else."""
    while True:  # "[[a](b)](c)" leaves "[a](c)" after one pass
        reduced = LINK.sub(lambda m: m[1] if is_link(m[2]) else m[0], text)
        if reduced == text:
            return text
        text = reduced
