"""A pitfall's page: how to see it coming, what causes it, how to prevent and remedy it."""

from __future__ import annotations

from ...content.model import Pitfall
from .. import dialect
from ..context import Site
from ..urls import page_uri
from .tools import add_remedy_url
from .entry_parts import (action_bar, entry_front_matter, entry_heading, facts_section, review_notice, reviewed_line,
                          sources_section, text_list, used_in_section)


def pitfall_page(site: Site, pitfall: Pitfall) -> str:
    ctx = site.page(page_uri("pitfall", pitfall.id))
    notes = {pb.id: next((u.note for u in pb.pitfalls if u.ref == pitfall.id), None)
             for pb in ctx.library.users_of(pitfall)}
    related = ctx.library.related_to(pitfall)

    return dialect.join(
        entry_front_matter(ctx, pitfall),
        entry_heading(ctx, pitfall),
        ctx.paragraphs(pitfall.summary),
        review_notice(ctx, pitfall),
        f"{dialect.bold(ctx.ui('severity') + ctx.colon)} {ctx.label('severity', pitfall.severity)}",
        # a reader who arrives here usually has the problem already: the remedy is one tap away
        action_bar(ctx, [("#remedy", ctx.ui("action_remedy"), False), ("#prevention", ctx.ui("action_prevent"), False),
                         ("#used-in", ctx.ui("action_playbooks"), False),
                         (add_remedy_url(ctx, pitfall), ctx.ui("add_remedy"), False)]),
        text_list(ctx, "warning_signs", "signs", pitfall.signs),
        text_list(ctx, "causes", "causes", pitfall.causes),
        text_list(ctx, "prevention", "prevention", pitfall.prevention),
        text_list(ctx, "remedy", "remedy", pitfall.remedy),
        used_in_section(ctx, pitfall, notes),
        dialect.section(ctx.ui("related_pitfalls"), "related", dialect.link_list(
            f"{ctx.link(r)} — {ctx.text(r.summary)}" for r in related), searched=False) if related else "",
        facts_section(ctx, pitfall),
        sources_section(ctx, pitfall),
        reviewed_line(ctx, pitfall),
    )
