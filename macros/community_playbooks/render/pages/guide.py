"""A guide's page: a topic every organiser meets, as steps and a short checklist of its own."""

from __future__ import annotations

from ...content.model import Guide
from .. import dialect
from ..context import Context, Site
from ..fragments import Markup, fragment
from ..urls import page_uri
from .entry_parts import (entry_front_matter, entry_heading, facts_section, review_notice, reviewed_line,
                          sources_section, used_in_section)

# ticks are kept like a playbook's, under an id no playbook can have
_ITEM = fragment(
    '<label class="cp-item" id="{{ anchor }}"><input type="checkbox" class="cp-check" '
    'data-cp-playbook="{{ key }}" data-cp-item="{{ item }}" data-cp-phase="checklist"> '
    '<span class="cp-text">{{ text }}</span></label>')
_PROGRESS = fragment('<p class="cp-progress" data-cp-playbook="{{ key }}" data-cp-phase="checklist" '
                     'aria-live="polite" data-cp-needs-script>0 / {{ total }}</p>')


def tick_key(guide: Guide) -> str:
    """Where the page script keeps a guide's ticks: playbook ids never hold a colon."""
    return f"guide:{guide.id}"


def guide_page(site: Site, guide: Guide) -> str:
    ctx = site.page(page_uri("guide", guide.id))
    related = ctx.library.related_to(guide)
    return dialect.join(
        entry_front_matter(ctx, guide),
        entry_heading(ctx, guide),
        ctx.paragraphs(guide.summary),
        review_notice(ctx, guide),
        dialect.section(ctx.ui("steps_title"), "steps", _steps(ctx, guide)),
        dialect.section(ctx.ui("guide_checklist"), "checklist", _checklist(ctx, guide)),
        facts_section(ctx, guide),
        used_in_section(ctx, guide),
        dialect.section(ctx.ui("related_guides"), "related", dialect.link_list(
            f"{ctx.link(r)} — {ctx.text(r.summary)}" for r in related), searched=False) if related else "",
        sources_section(ctx, guide),
        reviewed_line(ctx, guide),
    )


def _steps(ctx: Context, guide: Guide) -> str:
    parts = []
    for n, step in enumerate(guide.steps, 1):
        part = [dialect.heading(3, f"{n}\\. {ctx.title(step.title)}", f"step-{n}"), ctx.paragraphs(step.text)]
        if step.points:
            part.append(dialect.bullets(ctx.text(point) for point in step.points))
        parts.append("\n\n".join(part))
    return "\n\n".join(parts)


def _checklist(ctx: Context, guide: Guide) -> str:
    key = tick_key(guide)
    items = "\n".join(
        "- " + _ITEM(anchor=f"{guide.id}--{item.id}", key=key, item=item.id, text=Markup(ctx.text(item.text)))
        for item in guide.checklist)
    return f"{_PROGRESS(key=key, total=len(guide.checklist))}\n\n{items}"
