"""Where every generated page and file sits: its source path in the docs tree and its URL.

A page's URL depends on MkDocs' ``use_directory_urls``: ``playbooks/x.md`` is served at
``playbooks/x/`` with it and at ``playbooks/x.html`` without. Every URL the engine writes
into raw HTML, JSON or a calendar comes from here, so both settings give working links.
"""

from __future__ import annotations

import functools
import posixpath

from ..content.kinds import SECTIONS

# A playbook's other files, beside its page: the print view, its PDF and its calendar.
KIT_VIEW = "kit"
PDF_NAME = "launch-kit.pdf"
CALENDAR_NAME = "rituals.ics"
API_DIR = "api"


def page_uri(kind: str, entry_id: str | None = None, view: str | None = None) -> str:
    """The source path of an entry's page (or of a kind's index page) in the docs tree.

    ``view`` names a second page of the entry, such as a playbook's ``kit``.
    """
    if view:
        return f"{SECTIONS[kind]}/{entry_id}/{view}.md"
    return f"{SECTIONS[kind]}/{entry_id or 'index'}.md"


def kit_uri(playbook_id: str) -> str:
    return page_uri("playbook", playbook_id, KIT_VIEW)


def pdf_uri(playbook_id: str) -> str:
    """Where the build prints the launch kit: not a page, so raw HTML links to it."""
    return f"{SECTIONS['playbook']}/{playbook_id}/{PDF_NAME}"


def calendar_uri(playbook_id: str, ritual_id: str | None = None) -> str:
    """A playbook's calendar of every dated ritual, or of one ritual of it."""
    if ritual_id:
        return f"{SECTIONS['playbook']}/{playbook_id}/calendar/{ritual_id}.ics"
    return f"{SECTIONS['playbook']}/{playbook_id}/{CALENDAR_NAME}"


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The URL path, relative to the site root, that MkDocs gives the page at ``uri``."""
    stem = uri.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def url_of(uri: str, directory_urls: bool = True) -> str:
    """The URL of a page (``.md``) or of any other file, relative to the site root."""
    return page_url(uri, directory_urls) if uri.endswith(".md") else uri


def relative_url(target: str, here: str) -> str:
    """A URL from the page at URL ``here`` to ``target`` (both relative to the site root)."""
    rel = posixpath.relpath(target or ".", posixpath.dirname(here) or ".") if not here.endswith("/") \
        else posixpath.relpath(target or ".", here or ".")
    if target.endswith("/") and rel != ".":
        return rel + "/"
    return "./" if rel == "." else rel


@functools.lru_cache(maxsize=65536)
def relative_path(target: str, start: str) -> str:
    """A relative path between two source paths; the same few thousand pairs come back on every page."""
    return posixpath.relpath(target, start)
