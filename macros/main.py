"""mkdocs-macros module: macros for the project's own hand-written pages in docs/.

Only pages that opt in with ``render_macros: true`` are rendered (``render_by_default``
is off), and generated pages never opt in: contributor text is never a template.
"""

from __future__ import annotations

from pathlib import Path

from macros import render
from macros.library import load_library
from macros.render import Context


class MacroError(ValueError):
    """A macro was called with an id or value that does not exist."""


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    library = load_library(Path(env.project_dir))
    lang = env.conf["theme"].get("language") or "en"

    def context() -> Context:
        return Context(library, lang, env.page.file.src_uri if env.page else "index.md")

    def lookup(kind: str, entry_id: str):
        entries = library.entries(kind)
        if entry_id not in entries:
            raise MacroError(f"no {kind} with id '{entry_id}' (known: {', '.join(sorted(entries))})")
        return entries[entry_id]

    @env.macro
    def playbook_table(group_type: str | None = None, platform: str | None = None) -> str:
        """A table of playbooks, optionally only those of one group type or platform."""
        chosen = [pb for pb in library.playbooks.values()
                  if (group_type is None or pb.group.type == group_type)
                  and (platform is None or platform in pb.group.platforms)]
        return render.playbook_table(context(), chosen)

    @env.macro
    def checklist(playbook_id: str) -> str:
        """The launch checklist of one playbook, phase by phase."""
        return render.checklist(context(), lookup("playbook", playbook_id), heading_level=3)

    @env.macro
    def pitfall_card(pitfall_id: str) -> str:
        """One pitfall as a card: summary, warning signs and a link to its remedy."""
        return render.pitfall_card(context(), lookup("pitfall", pitfall_id))

    @env.macro
    def entry_link(kind: str, entry_id: str) -> str:
        """A link to any entry, titled in the page's language."""
        return context().link(lookup(kind, entry_id))

    @env.macro
    def entry_count(kind: str) -> int:
        """How many entries of a kind the site has."""
        return len(library.entries(kind))
