"""The library as JSON: a data API for other tools, and the views the tool pages read.

``api/<section>.json`` per kind and ``api/index.json``; one ``api/playbooks/<id>.json`` per
playbook with its display text in the site's language (what compare and the checklist
builder show). Every value is data: the scripts set strings as text, never as HTML.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from ..content.kinds import KINDS
from ..content.model import LANGUAGES, Condition, Entry, Phase, Pitfall, Playbook, Text, field_names
from .checklists import moving_on, remedy_phase
from .context import Context, Site
from .urls import API_DIR, page_uri
from .wording import cadence_words, condition_words


def api_files(site: Site) -> list[tuple[str, str]]:
    """(path, JSON text) of every file of the API."""
    library = site.library
    files = []
    index: dict[str, Any] = {"languages": list(LANGUAGES), "endpoints": {}}
    for kind in KINDS:
        entries = {e.id: entry_json(site, e) for e in library.entries(kind.name).values()}
        uri = f"{API_DIR}/{kind.section}.json"
        index["endpoints"][kind.section] = {"url": uri, "count": len(entries)}
        files.append((uri, _dump({"kind": kind.name, "count": len(entries), "entries": list(entries.values())})))
        if kind.name == "playbook":
            for playbook in library.playbooks.values():
                data = {**entries[playbook.id], "view": {site.lang: playbook_view(site, playbook)}}
                files.append((f"{API_DIR}/playbooks/{playbook.id}.json", _dump(data)))
        if kind.name == "pitfall":
            for pitfall in library.pitfalls.values():
                files.append((f"{API_DIR}/pitfalls/{pitfall.id}.json",
                              _dump({**entries[pitfall.id], "view": {site.lang: pitfall_view(site, pitfall)}})))
    index["endpoints"]["playbook"] = {"url": f"{API_DIR}/playbooks/{{id}}.json", "count": len(library.playbooks)}
    index["endpoints"]["pitfall"] = {"url": f"{API_DIR}/pitfalls/{{id}}.json", "count": len(library.pitfalls)}
    files.append((f"{API_DIR}/index.json", _dump(index)))
    return files


def entry_json(site: Site, entry: Entry) -> dict[str, Any]:
    """An entry as plain JSON data: every field, its URL, source file and backlinks."""
    data = {"id": entry.id, "kind": entry.kind, "url": site.url(page_uri(entry.kind, entry.id)), "file": entry.file}
    data.update({name: to_json(getattr(entry, name)) for name in field_names(type(entry)) if name not in ("id", "file")})
    if entry.kind != "playbook":
        data["used_in"] = list(site.library.used_in.get(entry.key, ()))
    data["related"] = list(site.library.related.get(entry.key, ()))
    return data


def playbook_view(site: Site, playbook: Playbook) -> dict[str, Any]:
    """A playbook as display strings in one language: what the compare and builder scripts show.

    URLs are relative to the language's site root.
    """
    ctx = site.page(page_uri("playbook", playbook.id))
    library, lang, pb, plain = site.library, site.lang, playbook, ctx.unlinked
    return {
        "id": pb.id, "title": plain(pb.title), "url": site.url(page_uri("playbook", pb.id)),
        "group_type": library.label("group_type", pb.group.type, lang),
        "size": ctx.ui("members", min=pb.group.size_min, max=pb.group.size_max),
        "platforms": [library.label("platform", p, lang) for p in pb.group.platforms],
        # what the builder checks a reader's group against
        "covers": {"platforms": list(pb.group.platforms), "min": pb.group.size_min, "max": pb.group.size_max},
        "purpose": plain(pb.mission.purpose), "for_others": plain(pb.mission.for_others),
        "for_ourselves": plain(pb.mission.for_ourselves),
        "threshold": library.label("threshold", pb.threshold.kind, lang),
        "criteria": [plain(c) for c in pb.threshold.criteria],
        "rituals": [{"title": plain(run.ritual.title), "url": site.url(page_uri("ritual", run.ritual.id)),
                     "cadence": cadence_words(library, run.cadence, lang), "minutes": run.duration}
                    for run in library.schedule(pb)],
        "levels": [plain(level.name) for level in pb.feedback.levels],
        "roles": [plain(role.name) for role in pb.feedback.roles],
        "governance": [{"stage": plain(library.stages[g.stage].title), "url": site.url(page_uri("stage", g.stage)),
                        "lead": plain(g.lead)} for g in pb.governance],
        "pitfalls": [{"title": plain(library.pitfalls[u.ref].title), "url": site.url(page_uri("pitfall", u.ref))}
                     for u in pb.pitfalls],
        "checklist": [_phase_json(ctx, phase) for phase in pb.checklists],
        # what moves a running group on from each stage: the last phase of its checklist
        "move_on": {stage.id: _phase_json(ctx, moving) for stage in library.stages_in_order()
                    if (moving := moving_on(library, pb, stage.id))},
    }


def pitfall_view(site: Site, pitfall: Pitfall) -> dict[str, Any]:
    """A pitfall's remedy as a phase of a checklist: what the builder adds when a reader asks."""
    ctx = site.page(page_uri("pitfall", pitfall.id))
    return {"id": pitfall.id, "title": ctx.unlinked(pitfall.title), "url": site.url(page_uri("pitfall", pitfall.id)),
            "remedy": _phase_json(ctx, remedy_phase(pitfall))}


def _phase_json(ctx: Context, phase: Phase) -> dict[str, Any]:
    library, lang, plain = ctx.library, ctx.lang, ctx.unlinked
    return {"phase": phase.phase, "serves": list(library.phase_serves.get(phase.phase, ())),
            "label": plain(phase.title) if phase.title else library.label("phase", phase.phase, lang), "items": [
                {"id": item.id, "text": plain(item.text), "when": plain(item.when), "owner": plain(item.owner),
                 "if": _condition_json(item.condition),
                 "only_for": ctx.ui("only_for", what=condition_words(library, item.condition, lang))
                 if item.condition else ""}
                for item in phase.items]}


def to_json(value: Any) -> Any:
    """A model value as JSON data: Texts as {language: text}, dataclasses as objects."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, Text):
        written = value.translations
        if len(written) == len(LANGUAGES) and all(lang in written for lang in LANGUAGES):
            return dict(written)  # the common case, and the cheap one
        return {lang: value.get(lang) for lang in LANGUAGES}
    if isinstance(value, tuple):
        return [to_json(v) for v in value]
    if isinstance(value, Mapping):
        return {key: to_json(v) for key, v in value.items()}
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: to_json(getattr(value, name)) for name in field_names(type(value))}
    return value


def _condition_json(condition: Condition | None) -> dict[str, Any] | None:
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


def _dump(data: Any) -> str:
    # compact: the C encoder handles it, where indent= falls back to the slow Python one
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
