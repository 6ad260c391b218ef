"""A ritual's page: when it happens, how to run it step by step, and on each platform."""

from __future__ import annotations

from ...content.model import Ritual
from .. import dialect
from ..context import Site
from ..urls import page_uri
from ..wording import cadence_text
from .entry_parts import (entry_front_matter, entry_heading, facts_section, review_notice, reviewed_line,
                          sources_section, used_in_section)


def ritual_page(site: Site, ritual: Ritual) -> str:
    ctx = site.page(page_uri("ritual", ritual.id))
    notes = {pb.id: next((u.note for u in pb.rituals if u.ref == ritual.id), None)
             for pb in ctx.library.users_of(ritual)}
    facts = dialect.table(["", ""], [
        [ctx.ui("cadence"), cadence_text(ctx, ritual.cadence)],
        [ctx.ui("duration"), ctx.ui("minutes", n=ritual.duration)],
        [ctx.ui("host"), ctx.text(ritual.host)],
    ])
    variations = "\n\n".join(f"{dialect.bold(ctx.label('platform', v.platform) + ctx.colon)} {ctx.text(v.text)}"
                             for v in ritual.variations)
    return dialect.join(
        entry_front_matter(ctx, ritual),
        entry_heading(ctx, ritual),
        ctx.paragraphs(ritual.summary),
        review_notice(ctx, ritual),
        facts,
        dialect.section(ctx.ui("steps"), "steps", dialect.numbered(ctx.text(step) for step in ritual.steps)),
        dialect.section(ctx.ui("why"), "why", ctx.paragraphs(ritual.why)),
        dialect.section(ctx.ui("variations"), "variations", variations) if variations else "",
        used_in_section(ctx, ritual, notes),
        facts_section(ctx, ritual),
        sources_section(ctx, ritual),
        reviewed_line(ctx, ritual),
    )
