"""A governance stage's page: who decides, what to practise, when to move on, what can go wrong."""

from __future__ import annotations

from ...content.model import Stage
from .. import dialect
from ..context import Site
from ..urls import page_uri
from .entry_parts import (entry_front_matter, entry_heading, review_notice, reviewed_line, sources_section, text_list,
                          used_in_section)


def stage_page(site: Site, stage: Stage) -> str:
    ctx = site.page(page_uri("stage", stage.id))
    leads = {pb.id: next((u.lead for u in pb.governance if u.stage == stage.id), None)
             for pb in ctx.library.users_of(stage)}

    return dialect.join(
        entry_front_matter(ctx, stage),
        entry_heading(ctx, stage),
        ctx.paragraphs(stage.summary),
        review_notice(ctx, stage),
        f"{dialect.bold(ctx.ui('mode') + ctx.colon)} {ctx.label('mode', stage.mode)}",
        text_list(ctx, "practices", "practices", stage.practices),
        text_list(ctx, "move_on", "move-on", stage.move_on) if stage.move_on else "",
        text_list(ctx, "risks", "risks", stage.risks),
        used_in_section(ctx, stage, leads),
        sources_section(ctx, stage),
        reviewed_line(ctx, stage),
    )
