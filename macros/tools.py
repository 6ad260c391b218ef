"""The site's tools: the symptom finder, the playbook comparison and the checklist builder.

Each is a generated page whose data comes from the library at build time. The page script
does the interactive part and keeps the reader's choices in the URL, so a view can be
shared; what the page shows without the script is said for each.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from .checklists import condition_words
from .context import Context, join, page_uri, page_url
from .forms import number_field, options, select_field
from .linker import Library
from .model import Pitfall, Playbook
from .parts import SEVERITY_ORDER, by_mode, cadence_words

MAX_COMPARED = 3


@dataclass(frozen=True)
class ToolPage:
    uri: str
    title: str  # a key of ui.STRINGS


TOOL_PAGES = {
    "symptoms": ToolPage("tools/symptom-finder.md", "symptoms_title"),
    "compare": ToolPage("tools/compare.md", "compare_title"),
    "builder": ToolPage("tools/checklist-builder.md", "builder_title"),
}


def json_script(element_id: str, data: Any) -> str:
    """Data for the page script, in a script element that can never close early or run."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


# --- symptom finder -------------------------------------------------------------------------

def symptom_finder_page(library: Library, lang: str) -> str:
    """Every warning sign as a checkbox, grouped by topic; ticking signs ranks the pitfalls.

    Without the script the page is a list of every pitfall with its signs and remedy.
    """
    ctx = Context(library, lang, TOOL_PAGES["symptoms"].uri)
    pitfalls = sorted(library.pitfalls.values(), key=lambda p: (SEVERITY_ORDER.index(p.severity), p.id))
    groups: dict[str, list[tuple[Pitfall, int]]] = {}
    for pitfall in pitfalls:
        topic = pitfall.tags[0] if pitfall.tags else ""
        groups.setdefault(topic, []).extend((pitfall, i) for i in range(len(pitfall.signs)))
    fieldsets = []
    for topic, signs in sorted(groups.items(), key=lambda kv: _tag_order(library, kv[0])):
        legend = html.escape(library.label("tag", topic, lang)) if topic else ctx.ui("other")
        items = "".join(
            f'<li><label><input type="checkbox" name="sign" value="{p.id}.{i}"> {ctx.html(p.signs[i])}</label></li>'
            for p, i in _interleave(signs))
        fieldsets.append(f'<fieldset><legend>{legend[:1].upper() + legend[1:]}</legend><ul class="cp-signs">{items}</ul>'
                         f"</fieldset>")
    results = "".join(_pitfall_result(ctx, p) for p in pitfalls)
    return join(
        front_matter_hide_toc(),
        f"# {ctx.ui('symptoms_title')}",
        ctx.ui("symptoms_intro"),
        '<div class="cp-finder-layout">'
        f'<form class="cp-finder" data-cp-tool="symptoms" aria-label="{ctx.ui("symptoms_form")}" hidden>'
        + "".join(fieldsets)
        + f'<p><button type="reset" class="md-button">{ctx.ui("clear")}</button></p></form>'
        f'<section class="cp-finder-results" aria-labelledby="cp-ranked-title" hidden>'
        f'<h2 id="cp-ranked-title">{ctx.ui("likely_pitfalls")}</h2>'
        f'<p class="cp-finder-none">{ctx.ui("no_match")}</p>'
        f'<ol class="cp-ranked">{results}</ol></section></div>',
        json_script("cp-finder-strings", {"signs_matched": ctx.ui("signs_matched")}),
        f'<noscript><p>{ctx.ui("needs_script")}</p></noscript>',
        f"## {ctx.ui('all_signs')} {{#all-signs}}",
        "\n\n".join(f"### {ctx.link(p)}\n\n" + "\n".join(f"- {ctx.text(s)}" for s in p.signs) for p in pitfalls),
    )


def front_matter_hide_toc() -> str:
    """Tool pages use the whole width: the table of contents would only repeat the page."""
    return '---\nhide: ["toc"]\n---'


def _pitfall_result(ctx: Context, pitfall: Pitfall) -> str:
    remedy = "".join(f"<li>{ctx.html(r)}</li>" for r in pitfall.remedy)
    href = ctx.url(page_uri("pitfall", pitfall.id))
    return (f'<li data-pitfall="{pitfall.id}" data-severity="{pitfall.severity}" data-signs="{len(pitfall.signs)}" hidden>'
            f'<a href="{href}"><strong>{ctx.html(pitfall.title)}</strong></a> '
            f'<span class="cp-score"></span>'
            f'<p>{ctx.html(pitfall.summary)}</p>'
            f'<p><strong>{ctx.ui("remedy")}</strong></p><ul>{remedy}</ul></li>')


def _interleave(signs: list[tuple[Pitfall, int]]) -> list[tuple[Pitfall, int]]:
    """First signs of every pitfall, then second signs...: neighbours are not all one pitfall's."""
    return sorted(signs, key=lambda pair: (pair[1], pair[0].id))


def _tag_order(library: Library, tag: str) -> int:
    order = list(library.vocabularies.get("tag", {}))
    return order.index(tag) if tag in order else len(order)


# --- compare ---------------------------------------------------------------------------------

def compare_page(library: Library, lang: str) -> str:
    """Pick two or three playbooks; the script lays them side by side from their JSON files."""
    ctx = Context(library, lang, TOOL_PAGES["compare"].uri)
    selects = "".join(select_field(f"cp-compare-{n + 1}", "p", ctx.ui("playbook_n", n=n + 1),
                                   options(_playbook_choices(ctx), ctx.ui("choose"))) for n in range(MAX_COMPARED))
    return join(
        front_matter_hide_toc(),
        f"# {ctx.ui('compare_title')}",
        ctx.ui("compare_intro"),
        f'<form class="cp-compare-form" data-cp-tool="compare" aria-label="{ctx.ui("compare_title")}" hidden>'
        f"{selects}</form>",
        '<div class="cp-compare" aria-live="polite"></div>',
        json_script("cp-compare-strings", {k: ctx.ui(k) for k in (*_COMPARE_ROWS, "load_failed")}),
        f'<noscript><p>{ctx.ui("needs_script")}</p></noscript>',
    )


_COMPARE_ROWS = ("group_type", "size", "platforms", "purpose", "for_others", "for_ourselves", "threshold", "criteria",
                 "rituals", "levels", "roles", "governance", "pitfalls", "checklists", "playbook", "items_total")


def _playbook_choices(ctx: Context) -> list[tuple[str, str]]:
    return sorted(((pb.id, ctx.unlinked(pb.title)) for pb in ctx.library.playbooks.values()),
                  key=lambda choice: choice[1].lower())


# --- checklist builder -------------------------------------------------------------------------

def builder_page(library: Library, lang: str) -> str:
    """Pick a playbook, a platform, a size and a stage; get the checklist for that group."""
    ctx = Context(library, lang, TOOL_PAGES["builder"].uri)
    platforms = [(value, library.label("platform", value, lang)) for value in library.vocabularies.get("platform", {})]
    stages = [(s.id, ctx.unlinked(s.title)) for s in by_mode(library.stages.values())]
    return join(
        front_matter_hide_toc(),
        f"# {ctx.ui('builder_title')}",
        ctx.ui("builder_intro"),
        f'<form class="cp-builder-form" data-cp-tool="builder" aria-label="{ctx.ui("builder_title")}" hidden>'
        + select_field("cp-builder-playbook", "playbook", ctx.ui("playbook"),
                       options(_playbook_choices(ctx), ctx.ui("choose")))
        + select_field("cp-builder-platform", "platform", ctx.ui("platform"), options(platforms, ctx.ui("any")))
        + number_field("cp-builder-size", "size", ctx.ui("members_label"), ctx.ui("members_placeholder"))
        + select_field("cp-builder-stage", "stage", ctx.ui("current_stage"), options(stages, ctx.ui("any")))
        + f'<button type="button" class="md-button cp-print" hidden>{ctx.ui("print")}</button></form>',
        '<div class="cp-builder" aria-live="polite"></div>',
        json_script("cp-builder-strings", {k: ctx.ui(k) for k in ("when", "owner", "only_for", "tailored_for",
                                                                  "no_items", "checklists", "size_n", "load_failed")}
                    | {"separator": ctx.label_separator, "list_separator": ctx.list_separator}),
        f'<noscript><p>{ctx.ui("needs_script")}</p></noscript>',
    )


# --- the data the tools read -------------------------------------------------------------------

def playbook_view(library: Library, playbook: Playbook, lang: str) -> dict[str, Any]:
    """A playbook as display strings in one language: what the compare and builder scripts show.

    Every value is plain text (the scripts set it as text, never as HTML); URLs are relative
    to the language's site root.
    """
    ctx = Context(library, lang, page_uri("playbook", playbook.id))
    pb = playbook
    plain = unlinked = ctx.unlinked

    return {
        "id": pb.id, "title": plain(pb.title), "url": page_url(page_uri("playbook", pb.id)),
        "group_type": library.label("group_type", pb.group.type, lang),
        "size": ctx.ui("members", min=pb.group.size_min, max=pb.group.size_max),
        "platforms": [library.label("platform", p, lang) for p in pb.group.platforms],
        "purpose": unlinked(pb.mission.purpose), "for_others": unlinked(pb.mission.for_others),
        "for_ourselves": unlinked(pb.mission.for_ourselves),
        "threshold": library.label("threshold", pb.threshold.kind, lang),
        "criteria": [unlinked(c) for c in pb.threshold.criteria],
        "rituals": [{"title": plain(library.rituals[u.ref].title), "url": page_url(page_uri("ritual", u.ref)),
                     "cadence": cadence_words(library, u.cadence or library.rituals[u.ref].cadence, lang)}
                    for u in pb.rituals],
        "levels": [plain(level.name) for level in pb.feedback.levels],
        "roles": [plain(role.name) for role in pb.feedback.roles],
        "governance": [{"stage": plain(library.stages[g.stage].title), "url": page_url(page_uri("stage", g.stage)),
                        "lead": unlinked(g.lead)} for g in pb.governance],
        "pitfalls": [{"title": plain(library.pitfalls[u.ref].title), "url": page_url(page_uri("pitfall", u.ref))} for u in pb.pitfalls],
        "checklist": [
            {"phase": phase.phase, "label": library.label("phase", phase.phase, lang), "items": [
                {"id": item.id, "text": unlinked(item.text), "when": unlinked(item.when), "owner": unlinked(item.owner),
                 "if": _condition_json(item.condition),
                 "only_for": condition_words(library, item.condition, lang) if item.condition else ""}
                for item in phase.items]}
            for phase in pb.checklists],
    }


def _condition_json(condition) -> dict[str, Any] | None:  # noqa: ANN001 - a Condition
    if condition is None:
        return None
    data: dict[str, Any] = {}
    if condition.platforms:
        data["platforms"] = list(condition.platforms)
    if condition.stages:
        data["stages"] = list(condition.stages)
    if condition.min_size is not None:
        data["min_size"] = condition.min_size
    if condition.max_size is not None:
        data["max_size"] = condition.max_size
    return data
