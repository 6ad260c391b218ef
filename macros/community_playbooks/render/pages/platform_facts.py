"""A platform's page: what it allows and limits, fact by fact, with sources and check dates."""

from __future__ import annotations

from ...content.model import Entry, Fact, Platform
from .. import dialect
from ..context import Context, Site
from ..urls import page_uri
from .entry_parts import (entry_front_matter, entry_heading, fact_anchor, fact_line, review_notice, reviewed_line,
                          sources_section)


def platform_page(site: Site, platform: Platform) -> str:
    ctx = site.page(page_uri("platform", platform.id))
    facts = [_fact_block(ctx, platform, fact, ctx.library.fact_users_of(platform, fact)) for fact in platform.facts]
    return dialect.join(
        entry_front_matter(ctx, platform),
        entry_heading(ctx, platform),
        ctx.paragraphs(platform.summary),
        review_notice(ctx, platform),
        f"{dialect.bold(ctx.ui('mainland') + ctx.colon)} {ctx.label('mainland', platform.mainland)}",
        dialect.section(ctx.ui("platform_facts"), "facts", "\n\n".join(facts)),
        sources_section(ctx, platform),
        reviewed_line(ctx, platform),
    )


def _fact_block(ctx: Context, platform: Platform, fact: Fact, users: tuple[Entry, ...]) -> str:
    lines = [ctx.text(fact.claim), fact_line(ctx, platform, fact, claim=False)]
    if users:
        lines.append(f"{ctx.ui('relied_on_by')}{ctx.label_separator}" + ctx.list_separator.join(ctx.link(u)
                                                                                           for u in users))
    return dialect.markdown_block("cp-fact", "\n\n".join(lines), fact_anchor(fact))
