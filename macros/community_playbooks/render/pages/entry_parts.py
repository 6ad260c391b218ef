"""Parts every entry page shares: front matter, the print header, notices, sources, back-links."""

from __future__ import annotations

from urllib.parse import urlencode

from ...content.freshness import REVIEW_MONTHS, is_stale, is_unchecked
from ...content.proposals import KINDS as PROPOSED_KINDS, REPORT_FORM
from ...content.model import Entry, Fact, Pitfall, Platform, Text
from .. import dialect, escape
from ..context import Context
from ..fragments import fragment
from ..qr import qr_svg
from ..typography import CJK_CHAR, bind_number_units
from .propose import PROPOSE_PAGE

_PRINT_HEAD = fragment(
    '<div class="cp-print-head" data-pagefind-ignore="all"><p class="cp-print-head__text">'
    '{% for part in parts %}{% if not loop.first %} · {% endif %}<span>{{ part }}</span>{% endfor %}</p>'
    '{% if qr %}<div class="cp-qr"><span class="cp-qr__code" role="img" aria-label="{{ qr_label }}">{{ qr }}</span>'
    '<span class="cp-qr__caption" aria-hidden="true">{{ qr_caption }}</span></div>{% endif %}</div>')
# the date of the last review is on every entry: search leaves it out, or "2026" would find them all
_REVIEWED = fragment('<p class="cp-reviewed" data-pagefind-ignore>{{ text }}</p>')
# The other names readers know an entry by weigh in search as much as its title: as words of the
# page, weighted as its title (h1) is, and as a field of its own that search ranks as it ranks titles
# (one alias a word: a Chinese query is looked up as the start of a word). "Also called" is not searched.
_ALIASES = fragment('<p class="cp-aliases" data-pagefind-weight="{{ weight }}" data-pagefind-meta="aliases:{{ words }}">'
                    '<span data-pagefind-ignore>{{ label }}{{ separator }}</span>{{ aliases }}</p>')
ALIAS_WEIGHT = 7  # Pagefind's weight of a page's title (its h1)
_IMPROVE = fragment(
    '<nav class="cp-improve" aria-label="{{ label }}" data-pagefind-ignore="all">'
    '{% for href, text in links %}{% if not loop.first %} · {% endif %}<a href="{{ href }}">{{ text }}</a>{% endfor %}'
    '</nav>')
_ACTIONS = fragment(
    '<nav class="cp-actions" aria-label="{{ label }}" data-pagefind-ignore="all">'
    '{% for href, text, download in links %}<a class="md-button{% if loop.first %} md-button--primary{% endif %}" '
    'href="{{ href }}"{% if download %} download{% endif %}>{{ text }}</a> {% endfor %}'
    '<button type="button" class="md-button cp-share" data-cp-copied="{{ copied }}" data-cp-needs-script>{{ share }}</button></nav>')
_ADMONITION_KIND = {"high": "danger", "medium": "warning", "low": "note"}


def entry_front_matter(ctx: Context, entry: Entry, title: str | None = None, **extra: object) -> str:
    """Title and description for the theme, as plain text: the templates escape what they print."""
    title, description = title or ctx.unlinked(entry.title), ctx.unlinked(entry.summary)
    if ctx.language.units:  # the tab, the navigation and a chat app's preview card wrap them too
        title, description = bind_number_units(title, ctx.lang), bind_number_units(description, ctx.lang)
    # what search files the page under (the theme's template reads it): its kind of entry
    meta: dict[str, object] = {"title": title, "description": description, "kind": entry.kind}
    if entry.tags and not extra.get("hide"):
        meta["tags"] = [ctx.plain_label("tag", tag) for tag in entry.tags]
    meta.update(extra)
    return dialect.front_matter(meta)


def entry_heading(ctx: Context, entry: Entry) -> str:
    """The page's title, and the other names readers know the entry by, in the page's language."""
    heading = dialect.heading(1, ctx.title(entry.title))
    aliases = entry.aliases.get(ctx.lang, ())
    if not aliases:
        return heading
    also = _ALIASES(label=ctx.ui("also_called"), separator=ctx.label_separator, aliases=ctx.list_separator.join(aliases),
                    weight=ALIAS_WEIGHT, words=" ".join(aliases))
    return f"{heading}\n\n{also}"


def print_head(ctx: Context, title: Text, group_type: str | None = None, *, interactive: str | None = None,
               qr: bool = True) -> str:
    """What a printed page carries at its top: title, group type, date and the address of the
    interactive page (``interactive``, a page URI; this page by default), with its QR code
    for a phone to open unless ``qr`` is false."""
    parts = [ctx.unlinked(title)]
    if group_type:
        parts.append(ctx.plain_label("group_type", group_type))
    address = ctx.site.address(interactive) if interactive else ctx.canonical()
    parts += [ctx.today.isoformat(), address]
    return _PRINT_HEAD(parts=parts, qr=qr_svg(address) if qr else None, qr_label=ctx.ui("qr_label", url=address),
                       qr_caption=ctx.ui("qr_caption"))


def pitfall_card(ctx: Context, pitfall: Pitfall, note: Text | None = None, *, folded: bool = False) -> str:
    """A pitfall as an admonition: its summary, a group's note if any, and its warning signs;
    ``folded`` shows only its title until tapped."""
    lines = [ctx.text(pitfall.summary)]
    if note:
        lines += ["", f"{dialect.bold(ctx.ui('in_this_group') + ctx.colon)} {ctx.text(note)}"]
    lines += ["", dialect.bold(ctx.ui("warning_signs") + ctx.colon), "",
              dialect.bullets(ctx.text(s) for s in pitfall.signs), "",
              f"{dialect.link(ctx.ui('about_pitfall'), ctx.href('pitfall', pitfall.id))} · "
              f"{dialect.link(ctx.ui('remedy') + ' →', ctx.href('pitfall', pitfall.id, 'remedy'))}"]
    return dialect.admonition(_ADMONITION_KIND[pitfall.severity], ctx.title(pitfall.title), "\n".join(lines),
                              folded=folded)


def action_bar(ctx: Context, links: list[tuple[str, str, bool]]) -> str:
    """What a reader came to do, at the top of a page: (href, label, download) buttons, the
    first one primary, and a Share button (the system share sheet, or the link copied)."""
    return _ACTIONS(label=ctx.ui("actions"), links=links, share=ctx.ui("action_share"), copied=ctx.ui("link_copied"))


def text_list(ctx: Context, key: str, anchor: str, texts: tuple[Text, ...]) -> str:
    """A section of short texts as bullets: warning signs, causes, practices, risks."""
    return dialect.section(ctx.ui(key), anchor, dialect.bullets(ctx.text(s) for s in texts))


def sources_section(ctx: Context, entry: Entry) -> str:
    if not entry.sources:
        return ""
    lines = []
    for source in entry.sources:
        title = _work_title(ctx.title(source.title))
        if source.url:
            title = escape.web_link(title, source.url)
        parts = [title, *(escape.escape(str(x)) for x in (source.author, source.year) if x)]
        note = ctx.ui("source_note", note=ctx.text(source.note)) if source.note else ""
        lines.append(ctx.ui("source_separator").join(parts) + note)
    return dialect.section(ctx.ui("sources"), "sources", dialect.bullets(lines), searched=False)


def _work_title(title: str) -> str:
    """A book's or article's title: in italics in Latin script; Chinese has no italics and
    marks a title with 《》 instead."""
    if CJK_CHAR.search(title):
        return title if title.startswith("《") else f"《{title}》"
    return dialect.emphasis(title)


def reviewed_line(ctx: Context, entry: Entry) -> str:
    """When the entry was last reviewed, and how a reader improves it: "Suggest an edit" opens
    the Propose page filled with the entry, "Report a problem" a GitHub issue naming the page."""
    return _REVIEWED(text=ctx.ui("reviewed_on", date=entry.reviewed)) + "\n\n" + improve_links(ctx, entry)


def improve_links(ctx: Context, entry: Entry) -> str:
    links = []
    if entry.kind in PROPOSED_KINDS:
        links.append((f"{ctx.url(PROPOSE_PAGE)}?{urlencode({'edit': f'{entry.section}/{entry.id}'})}",
                      ctx.ui("suggest_edit")))
    if ctx.site.repo_url:
        query = {"template": REPORT_FORM, "title": f"Problem: {entry.section}/{entry.id}",
                 "page": ctx.canonical(), "language": f"{ctx.language.name} ({ctx.lang})"}
        links.append((f"{ctx.site.repo_url.rstrip('/')}/issues/new?{urlencode(query)}", ctx.ui("report_problem")))
    return _IMPROVE(label=ctx.ui("improve_label"), links=links) if links else ""


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
        return dialect.section(ctx.ui("used_in"), "used-in", ctx.ui("used_in_none"), searched=False)
    lines = []
    for pb in users:
        note = (notes or {}).get(pb.id)
        lines.append(ctx.link(pb) + (f" — {ctx.text(note)}" if note else ""))
    # the playbooks' own pages are what search should find for their notes
    return dialect.section(ctx.ui("used_in"), "used-in", dialect.link_list(lines), searched=False)


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
    return dialect.section(ctx.ui("facts_title"), "facts", ctx.ui("facts_intro") + "\n\n" + dialect.link_list(lines),
                           searched=False)
