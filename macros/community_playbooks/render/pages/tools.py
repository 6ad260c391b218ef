"""The site's tools, where their pages are, and what every tool page shares.

Each tool is a generated page whose data comes from the library at build time. The page
script does the interactive part and keeps the reader's choices in the URL, so a view can
be shared; each tool says what its page shows without the script.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...content.model import Pitfall
from .. import dialect
from ..context import Context


@dataclass(frozen=True)
class ToolPage:
    uri: str
    title: str  # a key of strings.STRINGS


TOOL_PAGES = {
    "symptoms": ToolPage("tools/symptom-finder.md", "symptoms_title"),
    "compare": ToolPage("tools/compare.md", "compare_title"),
    "builder": ToolPage("tools/checklist-builder.md", "builder_title"),
}


def tool_front_matter() -> str:
    """Tool pages use the whole width: the table of contents would only repeat the page."""
    return dialect.front_matter({"hide": ["toc"]})


def add_remedy_url(ctx: Context, pitfall: Pitfall) -> str:
    """The checklist builder with a pitfall's remedy added to the reader's checklist (the page
    script keeps what else the reader chose: their playbook, platform, size...)."""
    return ctx.url(TOOL_PAGES["builder"].uri) + f"?add={pitfall.id}"


def age_choices(ctx: Context) -> list[tuple[str, str]]:
    """(value, label) of every age of a group: new, launched last month, running."""
    return [(value, ctx.plain_label("age", value)) for value in ctx.library.order("age")]


def playbook_choices(ctx: Context) -> list[tuple[str, str]]:
    """(id, title) of every playbook, by title: the options of a playbook picker."""
    return sorted(((pb.id, ctx.unlinked(pb.title)) for pb in ctx.library.playbooks.values()),
                  key=lambda choice: choice[1].lower())
