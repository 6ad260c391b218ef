"""Compare playbooks: pick two or three, the script lays them side by side from their JSON files."""

from __future__ import annotations

from .. import dialect
from ..context import Site
from ..forms import options, select_field
from ..fragments import fragment, json_script
from .tools import TOOL_PAGES, playbook_choices, tool_front_matter

MAX_COMPARED = 3
ROWS = ("group_type", "size", "platforms", "purpose", "for_others", "for_ourselves", "threshold", "criteria",
        "rituals", "levels", "roles", "governance", "pitfalls", "checklists", "playbook", "items_total")

_FORM = fragment('<form class="cp-compare-form" data-cp-tool="compare" aria-label="{{ label }}" data-cp-needs-script>'
                 '{% for select in selects %}{{ select }}{% endfor %}</form>')
_OUTPUT = fragment('<div class="cp-compare" aria-live="polite"></div>')
_NOSCRIPT = fragment("<noscript><p>{{ text }}</p></noscript>")


def compare_page(site: Site) -> str:
    ctx = site.page(TOOL_PAGES["compare"].uri)
    selects = [select_field(f"cp-compare-{n + 1}", "p", ctx.ui("playbook_n", n=n + 1),
                            options(playbook_choices(ctx), ctx.ui("choose"))) for n in range(MAX_COMPARED)]
    return dialect.join(
        tool_front_matter(),
        dialect.heading(1, ctx.ui("compare_title")),
        ctx.ui("compare_intro"),
        _FORM(label=ctx.ui("compare_title"), selects=selects),
        _OUTPUT(),
        json_script("cp-compare-strings", {**{k: ctx.ui(k) for k in (*ROWS, "load_failed")},
                                           "list_separator": ctx.list_separator}),
        _NOSCRIPT(text=ctx.ui("needs_script")),
    )
