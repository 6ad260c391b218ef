"""The library as JSON: a data API for other tools, and the views the tool pages read.

``api/<section>.json`` per kind and ``api/index.json``; one ``api/playbooks/<id>.json`` per
playbook with its display text in the site's language (what compare and the checklist
builder show); one ``api/source/<section>/<id>.json`` per entry, its data as its file writes
it (what the Propose page edits). Every value is data: the scripts set strings as text, never
as HTML.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from ..content.kinds import KINDS
from ..content.model import (LANGUAGES, Cadence, Condition, Entry, Guide, Phase, Pitfall, Platform, Playbook,
                             Ritual, Source, Stage, Text, field_names)
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
    count = 0
    for entry in library.all_entries():
        files.append((f"{API_DIR}/source/{entry.section}/{entry.id}.json", _dump(source_data(entry))))
        count += 1
    index["endpoints"]["source"] = {"url": f"{API_DIR}/source/{{section}}/{{id}}.json", "count": count}
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


# --- an entry as its file writes it ------------------------------------------------------


def source_data(entry: Entry) -> dict[str, Any]:
    """The data of ``entry`` as its YAML file holds it: what ``build_entry`` reads back into an
    equal entry (texts as the page shows them: trimmed, Chinese lines joined). Fields left at
    their defaults are left out, as a file leaves them out."""
    data: dict[str, Any] = {"title": _text(entry.title), "summary": _text(entry.summary)}
    if entry.aliases:
        data["aliases"] = {lang: list(words) for lang, words in entry.aliases.items()}
    if entry.tags:
        data["tags"] = list(entry.tags)
    data["reviewed"] = entry.reviewed
    if entry.needs_translation:
        data["needs_translation"] = list(entry.needs_translation)
    if isinstance(entry, Playbook):
        data.update(_playbook(entry))
    elif isinstance(entry, Pitfall):
        data.update(severity=entry.severity, signs=_texts(entry.signs), causes=_texts(entry.causes),
                    prevention=_texts(entry.prevention), remedy=_texts(entry.remedy))
        _optional(data, related=list(entry.related), facts=list(entry.facts))
    elif isinstance(entry, Ritual):
        data.update(cadence=_cadence(entry.cadence), duration=entry.duration, host=_text(entry.host),
                    steps=_texts(entry.steps), why=_text(entry.why))
        _optional(data, variations={v.platform: _text(v.text) for v in entry.variations}, facts=list(entry.facts))
    elif isinstance(entry, Guide):
        data["steps"] = [_optional({"title": _text(s.title), "text": _text(s.text)}, points=_texts(s.points))
                         for s in entry.steps]
        data["checklist"] = [{"id": item.id, "text": _text(item.text)} for item in entry.checklist]
        _optional(data, facts=list(entry.facts), related=list(entry.related))
    elif isinstance(entry, Stage):
        data.update(mode=entry.mode, practices=_texts(entry.practices), risks=_texts(entry.risks))
        _optional(data, move_on=_texts(entry.move_on))
    elif isinstance(entry, Platform):
        data["mainland"] = entry.mainland
        data["facts"] = [_optional({"id": f.id, "claim": _text(f.claim),
                                    "source": {"title": _text(f.source.title), "url": f.source.url},
                                    "checked": f.checked}, terms={k: list(v) for k, v in f.terms.items()})
                         for f in entry.facts]
    if entry.sources:
        data["sources"] = [_source(source) for source in entry.sources]
    return data


def _playbook(pb: Playbook) -> dict[str, Any]:
    data: dict[str, Any] = {
        "group": {"type": pb.group.type, "size": {"min": pb.group.size_min, "max": pb.group.size_max},
                  "platforms": list(pb.group.platforms)},
        "effort": to_json(pb.effort),
        "mission": _optional({"purpose": _text(pb.mission.purpose), "for_others": _text(pb.mission.for_others),
                              "for_ourselves": _text(pb.mission.for_ourselves)},
                             conflict=_text(pb.mission.conflict) if pb.mission.conflict else None),
        "threshold": {"kind": pb.threshold.kind, "criteria": _texts(pb.threshold.criteria),
                      "why": _text(pb.threshold.why)},
        "rituals": [_optional({"ref": use.ref}, cadence=_cadence(use.cadence) if use.cadence else None,
                              duration=use.duration, note=_text(use.note) if use.note else None)
                    for use in pb.rituals],
        "feedback": {"levels": [{"name": _text(v.name), "criteria": _text(v.criteria),
                                 "privileges": _text(v.privileges)} for v in pb.feedback.levels],
                     "roles": [{"name": _text(r.name), "duties": _text(r.duties)} for r in pb.feedback.roles],
                     "signals": _texts(pb.feedback.signals)},
        "governance": [_optional({"stage": g.stage, "lead": _text(g.lead), "practices": _texts(g.practices)},
                                 move_on=_texts(g.move_on)) for g in pb.governance],
        "pitfalls": [_optional({"ref": use.ref}, note=_text(use.note) if use.note else None) for use in pb.pitfalls],
    }
    if pb.messages:
        data["messages"] = _optional({"rules": _text(pb.messages.rules), "welcome": _text(pb.messages.welcome)},
                                     announcement=_text(pb.messages.announcement) if pb.messages.announcement
                                     else None)
    data["checklists"] = [{"phase": phase.phase, "items": [
        _optional({"id": item.id, "text": _text(item.text), "when": _text(item.when), "owner": _text(item.owner)},
                  see="/".join(item.see) if item.see else None, **{"if": _condition_json(item.condition)})
        for item in phase.items]} for phase in pb.checklists]
    _optional(data, related=list(pb.related), guides=list(pb.guides), facts=list(pb.facts))
    return data


def _text(text: Text) -> str | dict[str, str]:
    """One string for every language, or one per language, as it was written."""
    return text.translations[""] if "" in text.translations else dict(text.translations)


def _texts(texts: tuple[Text, ...]) -> list[str | dict[str, str]]:
    return [_text(text) for text in texts]


def _cadence(cadence: Cadence) -> str | dict[str, Any]:
    if not any((cadence.day, cadence.time, cadence.note, cadence.week, cadence.zone)):
        return cadence.every
    return _optional({"every": cadence.every}, day=cadence.day, week=cadence.week, time=cadence.time,
                     zone=cadence.zone, note=_text(cadence.note) if cadence.note else None)


def _source(source: Source) -> dict[str, Any]:
    return _optional({"title": _text(source.title)}, author=source.author, year=source.year, url=source.url,
                     note=_text(source.note) if source.note else None)


def _optional(data: dict[str, Any], **values: Any) -> dict[str, Any]:
    """``data`` with each of ``values`` that is not empty or None."""
    data.update((key, value) for key, value in values.items() if value not in (None, [], {}, ()))
    return data
