"""The index page of each kind, and the translation status page.

The playbook index is an HTML table whose rows carry their facts as data attributes:
the page script filters it by the form above it, and keeps the filter in the URL so a
filtered view can be shared. Without the script the form stays hidden and the whole
table is there.
"""

from __future__ import annotations

import html

from .context import Context, join, page_uri
from .forms import number_field, options, select_field
from .linker import Library
from .model import LANGUAGES, SECTIONS, Playbook
from .parts import SEVERITY_ORDER, by_mode, cadence_text
from .tools import TOOL_PAGES

# (form field, vocabulary) of the select filters, in the order they appear
SELECT_FILTERS = (("type", "group_type"), ("platform", "platform"), ("threshold", "threshold"))


def index_page(library: Library, kind: str, lang: str) -> str:
    ctx = Context(library, lang, page_uri(kind))
    section = SECTIONS[kind]
    entries = list(library.entries(kind).values())
    if kind == "playbook":
        body = join(tool_links(ctx, ("compare", "builder")), playbook_filters(ctx), playbook_index_table(ctx, entries))
    elif kind == "pitfall":
        entries.sort(key=lambda p: (SEVERITY_ORDER.index(p.severity), p.id))  # type: ignore[attr-defined]
        body = join(tool_links(ctx, ("symptoms",)), "\n".join(
            [f"| {ctx.ui('pitfall')} | {ctx.ui('severity_col')} | {ctx.ui('summary')} | {ctx.ui('used_by_col')} |",
             "|---|---|---|---|"]
            + [f"| {ctx.link(p)} | {ctx.label('severity', p.severity)} | {ctx.text(p.summary)} | "  # type: ignore[attr-defined]
               f"{len(library.used_in.get(p.key, ()))} |" for p in entries]))
    elif kind == "ritual":
        body = "\n".join(
            [f"| {ctx.ui('ritual')} | {ctx.ui('cadence')} | {ctx.ui('duration')} | {ctx.ui('used_by_col')} |",
             "|---|---|---|---|"]
            + [f"| {ctx.link(r)} | {cadence_text(ctx, r.cadence)} | {ctx.ui('minutes', n=r.duration)} | "  # type: ignore[attr-defined]
               f"{len(library.used_in.get(r.key, ()))} |" for r in entries])
    else:
        entries = by_mode(entries)  # type: ignore[arg-type]
        body = "\n\n".join(f"## {ctx.link(s)}\n\n{ctx.label('mode', s.mode)} — {ctx.text(s.summary)}"  # type: ignore[attr-defined]
                           for s in entries)
    return join(f"# {ctx.ui(section + '_title')}", ctx.ui(section + "_intro"), body)


def tool_links(ctx: Context, tools: tuple[str, ...]) -> str:
    return " ".join(f"[{ctx.ui(TOOL_PAGES[name].title)}]({ctx.relative(TOOL_PAGES[name].uri)}){{ .md-button }}"
                    for name in tools)


def playbook_filters(ctx: Context) -> str:
    """The filter form: hidden until the page script runs, since only the script can filter."""
    fields = [select_field(f"cp-filter-{name}", name, ctx.ui(_FIELD_LABELS[name]), options(
        ((value, ctx.library.label(vocabulary, value, ctx.lang)) for value in _used_values(ctx.library, name)),
        ctx.ui("any"))) for name, vocabulary in SELECT_FILTERS]
    fields.insert(2, number_field("cp-filter-size", "size", ctx.ui("members_label"), ctx.ui("members_placeholder")))
    stages = by_mode(ctx.library.stages.values())
    fields.append(select_field("cp-filter-stage", "stage", ctx.ui("stage"),
                               options(((s.id, ctx.unlinked(s.title)) for s in stages), ctx.ui("any"))))
    return (f'<form class="cp-filters" data-cp-filter="playbooks" aria-label="{ctx.ui("filter_playbooks")}" hidden>'
            + "".join(fields)
            + f'<button type="reset" class="md-button">{ctx.ui("clear")}</button>'
            + '<output class="cp-filter-count" aria-live="polite"></output></form>')


_FIELD_LABELS = {"type": "group_type", "platform": "platform", "threshold": "threshold"}


def playbook_index_table(ctx: Context, playbooks: list[Playbook]) -> str:
    head = "".join(f"<th>{ctx.ui(key)}</th>" for key in
                   ("playbook", "group_type", "size", "platforms", "threshold", "stages"))
    rows = []
    for pb in playbooks:
        facts = {"type": pb.group.type, "platforms": " ".join(pb.group.platforms), "threshold": pb.threshold.kind,
                 "size-min": str(pb.group.size_min), "size-max": str(pb.group.size_max),
                 "stages": " ".join(g.stage for g in pb.governance)}
        data = " ".join(f'data-{k}="{html.escape(v)}"' for k, v in facts.items())
        stages = " → ".join(ctx.html(ctx.library.stages[g.stage].title) for g in pb.governance)
        cells = [f'<a href="{ctx.url(page_uri("playbook", pb.id))}">{ctx.html(pb.title)}</a>',
                 html.escape(ctx.library.label("group_type", pb.group.type, ctx.lang)),
                 ctx.ui("members", min=pb.group.size_min, max=pb.group.size_max),
                 ctx.list_separator.join(html.escape(ctx.library.label("platform", p, ctx.lang))
                                         for p in pb.group.platforms),
                 html.escape(ctx.library.label("threshold", pb.threshold.kind, ctx.lang)), stages]
        rows.append(f"<tr {data}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f'<div class="cp-table-wrap"><table class="cp-index" data-cp-filtered="playbooks">'
            f"<thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table></div>")


def _used_values(library: Library, name: str) -> list[str]:
    """Only values some playbook has: a filter that can only ever show nothing is noise."""
    values: set[str] = set()
    for pb in library.playbooks.values():
        if name == "type":
            values.add(pb.group.type)
        elif name == "platform":
            values.update(pb.group.platforms)
        else:
            values.add(pb.threshold.kind)
    vocabulary = dict(SELECT_FILTERS)[name]
    order = list(library.vocabularies.get(vocabulary, {}))
    return sorted(values, key=lambda v: order.index(v) if v in order else len(order))


def translation_page(library: Library, lang: str) -> str:
    """Every entry and, per language, how many of its texts are written in it."""
    ctx = Context(library, lang, "translations.md")
    names = {"en": "English", "zh": "中文"}
    header = f"| {ctx.ui('name_col')} | {ctx.ui('kind_col')} | " + " | ".join(names[l] for l in LANGUAGES) + " |"
    rows = [header, "|---" * (2 + len(LANGUAGES)) + "|"]
    complete = {l: 0 for l in LANGUAGES}
    entries = list(library.all_entries())
    for entry in entries:
        counts = library.translation_of(entry)
        cells = []
        for l in LANGUAGES:
            done, total = counts[l]
            complete[l] += done == total
            cells.append("✓" if done == total else ctx.ui("texts_done", done=done, total=total))
        rows.append(f"| {ctx.link(entry)} | {ctx.ui(entry.kind)} | " + " | ".join(cells) + " |")
    summary = " · ".join(f"{names[l]}{ctx.label_separator}{ctx.ui('complete_count', done=complete[l], total=len(entries))}"
                         for l in LANGUAGES)
    return join(f"# {ctx.ui('translations_title')}", ctx.ui("translations_intro"), summary, "\n".join(rows))
