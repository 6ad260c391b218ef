"""A governance stage's page: who decides, what to practise, when to move on, what can go wrong."""

from __future__ import annotations

from ...content.model import Stage
from .. import dialect
from ..context import Site
from ..urls import page_uri
from .entry_parts import entry_front_matter, review_notice, reviewed_line, sources_section, used_in_section


def stage_page(site: Site, stage: Stage) -> str:
    ctx = site.page(page_uri("stage", stage.id))
    leads = {pb.id: next((u.lead for u in pb.governance if u.stage == stage.id), None)
             for pb in ctx.library.users_of(stage)}

    def listed(key: str, anchor: str, texts) -> str:  # noqa: ANN001 - a tuple of Text
        return dialect.section(ctx.ui(key), anchor, dialect.bullets(ctx.text(s) for s in texts))

    return dialect.join(
        entry_front_matter(ctx, stage),
        dialect.heading(1, ctx.title(stage.title)),
        ctx.paragraphs(stage.summary),
        review_notice(ctx, stage),
        f"{dialect.bold(ctx.ui('mode') + ctx.colon)} {ctx.label('mode', stage.mode)}",
        listed("practices", "practices", stage.practices),
        listed("move_on", "move-on", stage.move_on) if stage.move_on else "",
        listed("risks", "risks", stage.risks),
        used_in_section(ctx, stage, leads),
        sources_section(ctx, stage),
        reviewed_line(ctx, stage),
    )
