"""Parts every entry page shares: front matter, the print header, notices, sources, back-links."""

from __future__ import annotations

from ...content.freshness import REVIEW_MONTHS, is_stale, is_unchecked
from ...content.model import Entry, Fact, Pitfall, Platform, Text
from .. import dialect, escape
from ..context import Context
from ..fragments import fragment

_PRINT_HEAD = fragment('<p class="cp-print-head">{% for part in parts %}{% if not loop.first %} · {% endif %}'
                       '<span>{{ part }}</span>{% endfor %}</p>')
_REVIEWED = fragment('<p class="cp-reviewed">{{ text }}</p>')
_ADMONITION_KIND = {"high": "danger", "medium": "warning", "low": "note"}


def entry_front_matter(ctx: Context, entry: Entry, title: str | None = None, **extra: object) -> str:
    """Title and description for the theme, which puts both into HTML unescaped: escape them here."""
    meta: dict[str, object] = {"title": escape.html_attribute(title or ctx.unlinked(entry.title)),
                               "description": escape.html_attribute(ctx.unlinked(entry.summary))}
    if entry.tags and not extra.get("hide"):
        meta["tags"] = [ctx.plain_label("tag", tag) for tag in entry.tags]
    meta.update(extra)
    return dialect.front_matter(meta)


def print_head(ctx: Context, title: Text, group_type: str | None = None) -> str:
    """What a printed page carries at its top: title, group type, date and the page's address."""
    parts = [ctx.unlinked(title)]
    if group_type:
        parts.append(ctx.plain_label("group_type", group_type))
    parts += [ctx.today.isoformat(), ctx.canonical()]
    return _PRINT_HEAD(parts=parts)


def pitfall_card(ctx: Context, pitfall: Pitfall, note: Text | None = None) -> str:
    """A pitfall as an admonition: its summary, a group's note if any, and its warning signs."""
    lines = [ctx.text(pitfall.summary)]
    if note:
        lines += ["", f"{dialect.bold(ctx.ui('in_this_group') + ctx.colon)} {ctx.text(note)}"]
    lines += ["", dialect.bold(ctx.ui("warning_signs") + ctx.colon), "",
              dialect.bullets(ctx.text(s) for s in pitfall.signs), "",
              f"{dialect.link(ctx.ui('about_pitfall'), ctx.href('pitfall', pitfall.id))} · "
              f"{dialect.link(ctx.ui('remedy') + ' →', ctx.href('pitfall', pitfall.id, 'remedy'))}"]
    return dialect.admonition(_ADMONITION_KIND[pitfall.severity], ctx.title(pitfall.title), "\n".join(lines))


def sources_section(ctx: Context, entry: Entry) -> str:
    if not entry.sources:
        return ""
    lines = []
    for source in entry.sources:
        title = dialect.emphasis(ctx.title(source.title))
        if source.url:
            title = escape.web_link(title, source.url)
        byline = ", ".join(escape.escape(str(x)) for x in (source.author, source.year) if x)
        note = f" — {ctx.text(source.note)}" if source.note else ""
        lines.append(title + (f", {byline}" if byline else "") + note)
    return dialect.section(ctx.ui("sources"), "sources", dialect.bullets(lines))


def reviewed_line(ctx: Context, entry: Entry) -> str:
    return _REVIEWED(text=ctx.ui("reviewed_on", date=entry.reviewed))


def translation_notice(ctx: Context, entry: Entry) -> str:
    """Say so when some of the entry is shown in another language than the page's."""
    if ctx.lang not in ctx.library.missing_languages(entry):
        return ""
    return dialect.admonition("info", ctx.ui("untranslated"), ctx.ui("untranslated_text"))


def review_notice(ctx: Context, entry: Entry) -> str:
    """A visible notice on entries nobody has checked for a year: readers should know."""
    if not is_stale(entry, ctx.today):
        return translation_notice(ctx, entry)
    stale = dialect.admonition("warning", ctx.ui("needs_review"),
                                ctx.ui("needs_review_text", date=entry.reviewed, months=REVIEW_MONTHS))
    return dialect.join(stale, translation_notice(ctx, entry)).rstrip("\n")


def used_in_section(ctx: Context, entry: Entry, notes: dict[str, Text | None] | None = None) -> str:
    users = ctx.library.users_of(entry)
    if not users:
        return dialect.section(ctx.ui("used_in"), "used-in", ctx.ui("used_in_none"))
    lines = []
    for pb in users:
        note = (notes or {}).get(pb.id)
        lines.append(ctx.link(pb) + (f" — {ctx.text(note)}" if note else ""))
    return dialect.section(ctx.ui("used_in"), "used-in", dialect.bullets(lines))


def fact_anchor(fact: Fact) -> str:
    """The id of a fact on its platform's page."""
    return f"fact-{fact.id}"


def fact_line(ctx: Context, platform: Platform, fact: Fact, *, claim: bool = True) -> str:
    """A fact as Markdown: the claim, its source and when it was checked, flagged when that is long ago."""
    checked = ctx.ui("fact_checked", date=fact.checked)
    if is_unchecked(fact, ctx.today):
        checked = f"**{checked}: {ctx.ui('fact_unchecked', months=REVIEW_MONTHS)}**"
    source = escape.web_link(ctx.title(fact.source.title), fact.source.url or "")
    parts = [ctx.text(fact.claim)] if claim else []
    return " ".join(parts + [f"({ctx.ui('fact_source')}{ctx.label_separator}{source} · {checked})"])


def facts_section(ctx: Context, entry: Entry) -> str:
    """The platform facts an entry relies on, each linked to its platform's page."""
    facts = ctx.library.facts_of(entry)
    if not facts:
        return ""
    lines = [f"{dialect.bold(dialect.link(ctx.title(platform.title), ctx.href('platform', platform.id, fact_anchor(fact))))}"
             f"{ctx.colon} {fact_line(ctx, platform, fact)}" for platform, fact in facts]
    return dialect.section(ctx.ui("facts_title"), "facts", ctx.ui("facts_intro") + "\n\n" + dialect.bullets(lines))
