"""The checklist builder: a playbook and a group (platform, size, age, stage) in; that group's checklist out,
with the remedies of the pitfalls the reader added."""

from __future__ import annotations

from .. import dialect
from ..context import Site
from ..forms import number_field, options, select_field
from ..fragments import fragment, json_script
from .tools import TOOL_PAGES, age_choices, playbook_choices, tool_front_matter

STRINGS = ("when", "owner", "tailored_for", "no_items", "checklists", "running_checklist", "size_n", "load_failed",
           "not_for_platform", "not_for_size", "builder_empty", "choose_stage_to_move_on", "remove_remedy",
           "remedies_only", "find_remedy")

_FORM = fragment('<form class="cp-builder-form" data-cp-tool="builder" aria-label="{{ label }}" data-cp-needs-script>'
                 '{% for field in fields %}{{ field }}{% endfor %}'
                 '<button type="button" class="md-button cp-print" data-cp-needs-script>{{ print }}</button></form>')
_OUTPUT = fragment('<div class="cp-builder" aria-live="polite"></div>')
_NOSCRIPT = fragment("<noscript><p>{{ text }}</p></noscript>")


def builder_page(site: Site) -> str:
    """Pick a playbook, a platform, a size and a stage; get the checklist for that group."""
    ctx = site.page(TOOL_PAGES["builder"].uri)
    library = ctx.library
    platforms = [(value, ctx.plain_label("platform", value)) for value in library.order("platform")]
    stages = [(s.id, ctx.unlinked(s.title)) for s in library.stages_in_order()]
    fields = [
        select_field("cp-builder-playbook", "playbook", ctx.ui("playbook"), options(playbook_choices(ctx),
                                                                                    ctx.ui("choose"))),
        select_field("cp-builder-platform", "platform", ctx.ui("platform"), options(platforms, ctx.ui("any"))),
        number_field("cp-builder-size", "size", ctx.ui("members_label"), ctx.ui("members_placeholder")),
        select_field("cp-builder-age", "age", ctx.ui("group_age"), options(age_choices(ctx), ctx.ui("any"))),
        select_field("cp-builder-stage", "stage", ctx.ui("current_stage"), options(stages, ctx.ui("any"))),
    ]
    return dialect.join(
        tool_front_matter(),
        dialect.heading(1, ctx.ui("builder_title")),
        ctx.ui("builder_intro"),
        _FORM(label=ctx.ui("builder_title"), fields=fields, print=ctx.ui("print")),
        _OUTPUT(),
        json_script("cp-builder-strings", {k: ctx.ui(k) for k in STRINGS}
                    | {"separator": ctx.label_separator, "list_separator": ctx.list_separator,
                       "finder": ctx.url(TOOL_PAGES["symptoms"].uri)}),
        _NOSCRIPT(text=ctx.ui("needs_script")),
    )
