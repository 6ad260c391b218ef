"""The rule book: what a valid, linked library must also be before it is published.

The schema says what a file may hold and the linker that its references resolve; these
rules say the rest. Some keep the data coherent (a size range that is a range, a cadence
a calendar can use, checklist ids that stay unique), the others keep it good to read (both
languages, lengths a reader can take in, no placeholder, no entry nobody uses). The build
and `playbooks validate` run the same book and stop on the same problems.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Iterator

from ..characters import describe_character, hidden_character
from ..errors import Problem, did_you_mean, quoted
from .kinds import BY_SECTION, KIND_NAMES
from .library import Library
from .linker import references
from .locator import Locator
from .markup import entry_targets
from .languages import language
from .mentions import Claim, Names
from .model import HAN, LANGUAGES, Cadence, Entry, Playbook, Text, Words, strings_of, texts_of
from .yaml_reader import FieldPath


# which bounds a text at a path keeps, by the last field name of the path
_BOUNDS_OF_FIELD = {"title": "title", "summary": "summary", "claim": "claim"}
MAINLAND_FACT = "mainland-access"
PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|lorem)\b|\.\.\.|…|待补充|待定|占位", re.I)
SIMILAR_TITLES = 0.85
# What a finished entry holds: a playbook a reader can run, a ritual for every big platform.
MIN_RITUALS, MIN_PITFALLS, MIN_ITEMS, MIN_SIGNS = 3, 4, 10, 3
# a running group's checklist: its routines and its health check, at least this many items each
MIN_RUNNING_ITEMS = 3
# Places no claim is checked against: an in-person group is no platform. Kinds whose entries
# cannot cite facts say nothing of a platform's limits (a stage is the same on every platform).
NOT_A_PLATFORM = ("offline",)
# Wording every entry would share reads as a template: an opening of this many words shared
# by this many summaries, or a phrase this long in the chat texts of this many playbooks.
SHARED_OPENING_WORDS, SHARED_BY = 3, 3
SHARED_PHRASE = {"en": 5, "zh": 6}  # words in English, characters in Chinese
VARIATION_PLATFORMS = ("wechat", "qq", "discord", "telegram", "slack")
MESSAGE_FIELDS = ("rules", "welcome", "announcement")
# Symbols that WeChat and QQ would show as they are: messages are plain text (docs/style.md).
MARKDOWN_IN_MESSAGES = re.compile(r"\*\*|__|`|^#{1,6} |^> |\[[^\]]*\]\(", re.M)
# Chinese typography the content must get right (the page cannot guess the writer's intent)
ZH_TYPOGRAPHY = (
    (re.compile(r"\d\s*[—－~]\s*\d"), "joins a range with '{found}'",
     "write ranges with an en dash, as the rest of the site does: 20:00–21:00, 30–50 元"),
    (re.compile(rf"[{HAN}], ?\S|\S, ?[{HAN}]"), "has an ASCII comma in Chinese text ('{found}')",
     "use '，' between clauses and '、' between items of a list"),
)
# cadences: which frequencies take a weekday, and which a week of the month
WEEKDAY_FREQUENCIES = {"weekly", "biweekly", "monthly", "quarterly"}
WEEK_FREQUENCIES = {"monthly", "quarterly"}


def check(library: Library, locator: Locator | None = None, *, complete: bool = True) -> list[Problem]:
    """Every rule, on every entry of ``library``; ``complete=False`` when some files failed to
    load, so entries used only by those files are not reported as orphans."""
    book = _Book(library, locator or Locator())
    book.coherence()
    book.editorial(complete)
    return book.problems


def platform_names(library: Library) -> Names:
    """The names of every platform and tool and of their facts' features, as the rules look for them."""
    vocabularies = library.vocabularies
    platforms = library.platforms.values()
    return Names.of((vocabularies.get("platform", {}), vocabularies.get("tool", {})),
                    {p.id: p.aliases for p in platforms},
                    {p.id: {fact.id: fact.terms for fact in p.facts} for p in platforms}, NOT_A_PLATFORM)


class _Book:
    def __init__(self, library: Library, locator: Locator):
        self.library = library
        self.locator = locator
        self.problems: list[Problem] = []

    def report(self, entry: Entry, path: FieldPath, message: str, hint: str = "") -> None:
        self.problems.append(self.locator.problem(entry, path, message, hint))

    def to_translate(self, entry: Entry, path: FieldPath, lang: str) -> None:
        """A text the entry's ``needs_translation`` says is still to come: listed, not an error."""
        problem = self.locator.problem(entry, path, f"no {lang} text yet (to translate)",
                                       f"write it as {{{', '.join(f'{code}: ...' for code in LANGUAGES)}}}; once every "
                                       f"text has it, remove '{lang}' from needs_translation")
        self.problems.append(replace(problem, todo="translation"))

    def need(self, entry: Entry, path: FieldPath, ok: bool, message: str, hint: str) -> None:
        if not ok:
            self.report(entry, path, message, hint)

    # --- coherence: the data means one thing ---------------------------------------------

    def coherence(self) -> None:
        for playbook in self.library.playbooks.values():
            group = playbook.group
            self.need(playbook, ("group", "size", "min"), group.size_min <= group.size_max, "min is larger than max",
                      f"swap them: min {group.size_max}, max {group.size_min}")
            self.no_repeats(playbook)
            self.checklists(playbook)
            for run in self.library.schedule(playbook):
                i = playbook.rituals.index(run.use)
                if run.use.cadence:
                    self.cadence(playbook, ("rituals", i, "cadence"), run.use.cadence)
                for lang, note in (run.use.note.translations.items() if run.use.note else ()):
                    said = minutes_in(note)
                    if said and max(said) != run.duration:
                        where = "its own 'duration'" if run.use.duration else f"the ritual's {run.duration} minutes"
                        self.report(playbook, ("rituals", i, "note", lang), f"the note says {max(said)} minutes; the "
                                    f"page shows {run.duration} ({where})",
                                    f"set 'duration: {max(said)}' here, or correct the note: one length on the page")
        for ritual in self.library.rituals.values():
            self.cadence(ritual, ("cadence",), ritual.cadence)
        for guide in self.library.guides.values():
            first: dict[str, int] = {}
            for i, item in enumerate(guide.checklist):
                if item.id in first:
                    self.report(guide, ("checklist", i, "id"), f"duplicate item id '{item.id}'",
                                f"give each item its own id; checklist[{first[item.id]}] has it")
                first.setdefault(item.id, i)
        for platform in self.library.platforms.values():
            first = {}
            for i, fact in enumerate(platform.facts):
                if fact.id in first:
                    self.report(platform, ("facts", i, "id"), f"duplicate fact id '{fact.id}'",
                                f"give each fact its own id; facts[{first[fact.id]}] has it")
                first.setdefault(fact.id, i)

    def no_repeats(self, playbook: Playbook) -> None:
        seen: dict[tuple[str, str], tuple] = {}
        for path, _, target in references(playbook):
            if path[0] not in ("rituals", "governance", "pitfalls", "guides"):
                continue
            key = (path[0], target)
            if key in seen:
                self.report(playbook, path, f"'{target}' is listed twice in {path[0]}",
                            f"merge it with {path[0]}[{seen[key][1]}]")
            seen.setdefault(key, path)

    def cadence(self, entry: Entry, path: FieldPath, cadence: Cadence) -> None:
        """A day or week must fit the frequency: calendars are made from them."""
        if cadence.day and cadence.every not in WEEKDAY_FREQUENCIES:
            self.report(entry, path + ("day",), f"a {cadence.every} ritual has no weekday",
                        "remove 'day', or make it weekly, biweekly, monthly or quarterly")
        if cadence.week and cadence.every not in WEEK_FREQUENCIES:
            self.report(entry, path + ("week",), f"'week' is for monthly and quarterly rituals, not {cadence.every}",
                        "remove 'week'")
        if cadence.week and not cadence.day:
            self.report(entry, path + ("week",), f"'week: {cadence.week}' needs a weekday",
                        f"add 'day:', e.g. day: sat for the {cadence.week} Saturday of the month")
        if cadence.every in WEEK_FREQUENCIES and cadence.day and not cadence.week:
            self.report(entry, path + ("day",), f"which {cadence.day} of the month?",
                        "add 'week:' (first, second, third, fourth or last)")

    def checklists(self, playbook: Playbook) -> None:
        phases: dict[str, int] = {}
        item_ids: dict[str, tuple] = {}
        for p, phase in enumerate(playbook.checklists):
            if phase.phase in phases:
                self.report(playbook, ("checklists", p, "phase"), f"phase '{phase.phase}' is listed twice",
                            f"merge its items into checklists[{phases[phase.phase]}]")
            phases.setdefault(phase.phase, p)
            for i, item in enumerate(phase.items):
                path = ("checklists", p, "items", i)
                if item.id in item_ids:
                    first = self.locator.line(playbook, item_ids[item.id] + ("id",))
                    self.report(playbook, path + ("id",), f"duplicate item id '{item.id}' (first on line {first})",
                                "give each item its own id: browsers remember ticks by it")
                item_ids.setdefault(item.id, path)
                condition = item.condition
                if condition and condition.min_size is not None and condition.max_size is not None \
                        and condition.min_size > condition.max_size:
                    self.report(playbook, path + ("if", "min_size"), "min_size is larger than max_size",
                                "no group could see this item: swap them")

    # --- editorial: the content is good to read ------------------------------------------

    def editorial(self, complete: bool) -> None:
        for entry in self.library.all_entries():
            untranslated: set[str] = set()
            for path, text in texts_of(entry):
                untranslated.update(self.text(entry, path, text))
            for lang in entry.needs_translation:
                i = entry.needs_translation.index(lang)
                self.need(entry, ("needs_translation", i), lang in untranslated, f"every text is written in {lang}",
                          f"remove '{lang}' from needs_translation (and the field once it is empty)")
            for path, value in strings_of(entry):
                self.visible(entry, path, value)
            self.words(entry, "aliases", entry.aliases)
        for platform in self.library.platforms.values():
            for i, fact in enumerate(platform.facts):
                self.words(platform, ("facts", i, "terms"), fact.terms)
        for playbook in self.library.playbooks.values():
            self.finished_playbook(playbook)
        for pitfall in self.library.pitfalls.values():
            self.need(pitfall, ("signs",), len(pitfall.signs) >= MIN_SIGNS,
                      f"has {_count(len(pitfall.signs), 'warning sign')}",
                      f"list at least {MIN_SIGNS}: the symptom finder matches on them")
        for ritual in self.library.rituals.values():
            missing = [p for p in VARIATION_PLATFORMS if p not in {v.platform for v in ritual.variations}]
            self.need(ritual, ("variations",), not missing, f"no variation for {', '.join(missing)}",
                      "say how to run the ritual on each of: " + ", ".join(VARIATION_PLATFORMS))
        for platform in self.library.platforms.values():
            self.need(platform, ("facts",), any(f.id == MAINLAND_FACT for f in platform.facts),
                      f"no fact '{MAINLAND_FACT}'",
                      "add the fact that says whether the platform is reachable from mainland China, with its source")
        if complete:
            self.orphans()
        self.similar_titles()
        self.claims()
        self.shared_wording()

    def text(self, entry: Entry, path: FieldPath, text: Text) -> list[str]:
        """The rules every text keeps; returns the languages it is still to be translated into."""
        missing = [lang for lang in LANGUAGES if lang not in text.translations]
        to_come = [lang for lang in missing if lang in entry.needs_translation]
        wanting = [lang for lang in missing if lang not in to_come]
        self.need(entry, path, not wanting, f"no {' and '.join(wanting)} text", "write it as {en: ..., zh: ...}"
                  + (f", or mark the entry 'needs_translation: [{', '.join(wanting)}]' if a translator will add it"
                     if len(wanting) < len(LANGUAGES) else ""))
        for lang in to_come:
            self.to_translate(entry, path, lang)
        kind = text_bounds(entry.kind, path)
        for lang, value in text.translations.items():
            if not lang:
                continue
            low, high = language(lang).bounds[kind]
            self.need(entry, path + (lang,), low <= len(value) <= high, f"{lang} text is {len(value)} characters long",
                      f"keep it between {low} and {high}")
            match = PLACEHOLDERS.search(value)
            if match:
                self.report(entry, path + (lang,), f"placeholder text '{match.group(0)}'", "write the real text")
            if not language(lang).spaced and not _is_chat_text(path):
                for pattern, message, hint in ZH_TYPOGRAPHY:
                    found = pattern.search(value)
                    if found:
                        self.report(entry, path + (lang,), message.format(found=found.group(0)), hint)
            for section, entry_id in entry_targets(value):
                linked = self.library.entries(BY_SECTION[section].name)
                if entry_id not in linked:
                    self.report(entry, path + (lang,), f"links to '{section}/{entry_id}', which does not exist",
                                did_you_mean(entry_id, linked)
                                or "the page would show the link as plain text; link to an existing entry")
        return to_come

    def words(self, entry: Entry, where: str | FieldPath, words: Words) -> None:
        """Aliases and feature names: short, and never the entry's own title again."""
        for lang, listed in words.items():
            low, high = language(lang).bounds["word"]
            title = entry.title.get(lang).casefold()
            for i, word in enumerate(listed):
                path = ((where,) if isinstance(where, str) else where) + (lang, i)
                self.need(entry, path, low <= len(word.strip()) <= high, f"'{quoted(word)}' is {len(word)} characters "
                          "long", f"a name a reader types: keep it between {low} and {high}")
                self.need(entry, path, word.strip().casefold() != title, f"'{quoted(word)}' is the title already",
                          "list only other names")

    def visible(self, entry: Entry, path: FieldPath, value: str) -> None:
        """Only characters a reader can see, and the tab and line breaks of written text."""
        found = hidden_character(value)
        if found:
            position, char = found
            self.report(entry, path, f"holds {describe_character(char)} at character {position + 1}",
                        "delete it: it is invisible, often comes with pasted text, and changes how the text "
                        "reads, copies or prints")

    def finished_playbook(self, playbook: Playbook) -> None:
        def need(path: FieldPath, ok: bool, message: str, hint: str) -> None:
            self.need(playbook, path, ok, message, hint)

        need(("rituals",), len(playbook.rituals) >= MIN_RITUALS, f"has {_count(len(playbook.rituals), 'ritual')}",
             f"a group needs at least {MIN_RITUALS} fixed, recurring activities")
        noted = [use for use in playbook.pitfalls if use.note]
        need(("pitfalls",), len(noted) >= MIN_PITFALLS, f"has {_count(len(noted), 'pitfall')} with a note",
             f"name at least {MIN_PITFALLS}, each with a note on how it shows up in this group")
        stages = tuple(use.stage for use in playbook.governance)
        in_order = tuple(stage.id for stage in self.library.stages_in_order())
        need(("governance",), stages == in_order, f"covers the stages {', '.join(stages) or 'none'}",
             f"describe all {len(in_order)}, in order: " + ", ".join(in_order))
        for i, use in enumerate(playbook.governance[:-1]):
            need(("governance", i), bool(use.move_on), f"stage '{use.stage}' says nothing about moving on",
                 "add 'move_on:' with what must be true to reach the next stage")
        serves = self.library.phase_serves
        launch = sum(len(phase.items) for phase in playbook.checklists if "new" in serves.get(phase.phase, ()))
        need(("checklists",), launch >= MIN_ITEMS, f"has {_count(launch, 'launch checklist item')}",
             f"a launch plan needs at least {MIN_ITEMS}")
        for phase_id in (phase for phase, ages in serves.items() if "running" in ages):
            found = sum(len(phase.items) for phase in playbook.checklists if phase.phase == phase_id)
            label = self.library.label("phase", phase_id, "en")
            need(("checklists",), found >= MIN_RUNNING_ITEMS, f"has {_count(found, f'{label.lower()} item')}",
                 f"a running group's checklist needs at least {MIN_RUNNING_ITEMS} items in the phase '{phase_id}'")
        self.platform_items(playbook)
        need(("mission", "conflict"), playbook.mission.conflict is not None, "says nothing of when the two pulls "
             "conflict", "add 'conflict:' under mission: what to do when serving others and serving ourselves pull "
             "apart, with an example from this kind of group")
        need(("related",), bool(playbook.related), "names no related playbook", "add one or two ids under 'related:'")
        need(("sources",), bool(playbook.sources), "names no source", "add the real works this playbook draws on")
        messages = playbook.messages
        need(("messages",), messages is not None and all(getattr(messages, f) for f in MESSAGE_FIELDS),
             "lacks chat texts", "add messages: rules, welcome and announcement, ready to paste into the group")
        for name, lang, value in _message_texts(playbook):
            match = MARKDOWN_IN_MESSAGES.search(value)
            need(("messages", name, lang), match is None, f"Markdown '{match.group(0).strip() if match else ''}' in a "
                 "chat text", "write plain text: WeChat and QQ show these symbols as they are")

    # --- what is said of platforms -----------------------------------------------------

    def names(self) -> Names:
        return platform_names(self.library)

    def claims(self) -> None:
        """A number or a feature named beside a platform is a claim about it: the entry names one
        of the platform's facts (for a feature, the fact that speaks of it), whose page says
        where it was checked and when."""
        names = self.names()
        for entry in self.library.all_entries():
            if entry.kind == "platform":
                continue
            cited = {tuple(ref.split("/", 1)) for ref in getattr(entry, "facts", ())}
            for path, text in texts_of(entry):
                for lang, value in text.translations.items():
                    reported: set[str] = set()
                    for claim in names.claims(value):
                        backed = {fact for platform, fact in cited if platform == claim.platform}
                        if claim.platform in reported or (backed & claim.facts if claim.facts else backed):
                            continue
                        reported.add(claim.platform)
                        self.report(entry, path + ((lang,) if lang else ()), self.claim_message(claim),
                                    self.fact_hint(entry, claim))

    def claim_message(self, claim: Claim) -> str:
        vocabulary = "platform" if claim.platform in self.library.vocabularies.get("platform", {}) else "tool"
        what = f" ({', '.join(claim.features)})" if claim.features else ""
        return (f"says of {self.library.label(vocabulary, claim.platform, 'en')}{what} "
                f"'{quoted(claim.sentence, 90)}' without the fact that backs it")

    def fact_hint(self, entry: Entry, claim: Claim) -> str:
        known = self.library.platforms.get(claim.platform)
        where = "facts:" if hasattr(entry, "facts") else "a guide's facts: (a stage cannot cite one)"
        if claim.facts:
            refs = ", ".join(f"{claim.platform}/{fact}" for fact in sorted(claim.facts))
            return f"name {refs} under {where} if it says this; if not, say it without the platform's name"
        if known:
            ids = ", ".join(f"{claim.platform}/{fact.id}" for fact in known.facts[:6])
            return (f"name the fact that backs the number under {where} ({ids}...), or add one with its source to "
                    f"{known.file}; if the number is not about the platform, say it without the platform's name")
        return (f"add playbooks/platforms/{claim.platform}.yaml with the fact and its source, and name it under "
                f"{where}; or say it without the platform's name")

    def platform_items(self, playbook: Playbook) -> None:
        """A checklist item that names some of the playbook's platforms holds only on those: the
        builder must not give it to a group on another platform."""
        names = self.names()
        platforms = set(self.library.vocabularies.get("platform", {})) - set(NOT_A_PLATFORM)
        covered = set(playbook.group.platforms) - set(NOT_A_PLATFORM)
        for p, phase in enumerate(playbook.checklists):
            for i, item in enumerate(phase.items):
                if item.condition and item.condition.platforms:
                    continue
                named = {pid for value in item.text.translations.values() for pid in names.named(value)} & platforms
                if named and not covered <= named:
                    shown = ", ".join(sorted(named))
                    self.report(playbook, ("checklists", p, "items", i, "text"),
                                f"names {shown} but is shown for every platform of the playbook",
                                f"add 'if: {{platforms: [{shown}]}}', or say it for every platform")

    def shared_wording(self) -> None:
        """No template voice: summaries that open alike, chat texts that share a sentence."""
        openings: dict[str, list[Entry]] = {}
        for entry in self.library.all_entries():
            words = entry.summary.translations.get("en", "").lower().split()[:SHARED_OPENING_WORDS]
            if len(words) == SHARED_OPENING_WORDS:
                openings.setdefault(" ".join(words), []).append(entry)
        for opening, entries in openings.items():
            for entry in entries[SHARED_BY - 1:] if len(entries) >= SHARED_BY else ():
                self.report(entry, ("summary", "en"), f"opens with '{opening}', as {len(entries) - 1} other summaries do",
                            "say first what this entry is for, in words of its own")
        for lang, size in SHARED_PHRASE.items():
            holders: dict[str, list[tuple[Playbook, str]]] = {}
            for playbook in self.library.playbooks.values():
                for name, text_lang, value in _message_texts(playbook):
                    if text_lang == lang:
                        for phrase in _phrases(value, lang, size):
                            found = holders.setdefault(phrase, [])
                            if not found or found[-1][0] is not playbook:
                                found.append((playbook, name))
            for phrase, found in holders.items():
                for playbook, name in found[SHARED_BY - 1:] if len(found) >= SHARED_BY else ():
                    self.report(playbook, ("messages", name, lang), f"shares '{phrase}' with the chat texts of "
                                f"{len(found) - 1} other playbooks", "write this group's own words")

    def orphans(self) -> None:
        for entry in self.library.all_entries():
            if entry.kind not in ("playbook", "platform") and not self.library.used_in.get(entry.key):
                self.report(entry, (), f"no playbook uses this {entry.kind}",
                            f"reference it from a playbook, or remove {entry.file}")
        for platform in self.library.platforms.values():
            for i, fact in enumerate(platform.facts):
                if not self.library.fact_users.get(f"{platform.id}/{fact.id}"):
                    self.report(platform, ("facts", i), f"no entry relies on the fact '{fact.id}'",
                                f"name it as {platform.id}/{fact.id} under 'facts:' of the entries that state it, "
                                "or remove it")

    def similar_titles(self) -> None:
        for kind in KIND_NAMES:
            entries = list(self.library.entries(kind).values())
            similar: set[tuple[int, int]] = set()
            for lang in LANGUAGES:
                titles = [e.title.get(lang).lower() for e in entries]
                matcher = SequenceMatcher(None)
                for j in range(len(entries)):
                    # the matcher analyses its second text once, then meets every earlier title
                    matcher.set_seq2(titles[j])
                    for i in range(j):
                        matcher.set_seq1(titles[i])
                        # the quick upper bounds rule out almost every pair before the real comparison
                        if (matcher.real_quick_ratio() >= SIMILAR_TITLES and matcher.quick_ratio() >= SIMILAR_TITLES
                                and matcher.ratio() >= SIMILAR_TITLES):
                            similar.add((i, j))
            for i, j in sorted(similar):
                self.report(entries[j], ("title",), f"title is nearly the same as {entries[i].file}'s",
                            "make the difference clear in the title")


# numbers a note writes in words, and the units of time it gives them in
_EN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20,
               "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90}
_ZH_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "五": 5, "十": 10, "十五": 15, "二十": 20, "三十": 30, "四十": 40,
               "四十五": 45, "五十": 50, "六十": 60, "九十": 90, "半": 0.5, "一个半": 1.5}
_MINUTES = re.compile(
    r"\b(half an hour)\b|\b(\d+|" + "|".join(sorted(_EN_NUMBERS, key=len, reverse=True)) + r")[ -](minutes?|mins?|hours?)\b"
    r"|(\d+|" + "|".join(sorted(_ZH_NUMBERS, key=len, reverse=True)) + r") ?个?(分钟|小时)", re.I)

MAX_RITUAL_MINUTES = 12 * 60
_DEADLINE_BEFORE = re.compile(r"\b(within|after|before|every|each|per|in the first|for the first|up to)\s+$", re.I)
_DEADLINE_AFTER = re.compile(r"\s*(内|以内|之内|后|之后|前|以前|一次|ago|later|before|after|beforehand)")


def minutes_in(text: str) -> list[int]:
    """The lengths of time a note gives, in minutes: "45 minutes", "an hour", "半小时", "两个小时"."""
    found = []
    for m in _MINUTES.finditer(text):
        if _DEADLINE_BEFORE.search(text[:m.start()]) or _DEADLINE_AFTER.match(text, m.end()):
            continue  # "within 24 hours", "48 小时内": when, not how long
        if m[1]:
            found.append(30)
            continue
        number, unit = (m[2], m[3].lower()) if m[2] else (m[4], m[5])
        value = float(number) if number.isdigit() else (_EN_NUMBERS.get(number.lower()) or _ZH_NUMBERS[number])
        minutes = round(value * 60) if unit.startswith("hour") or unit == "小时" else round(value)
        if minutes <= MAX_RITUAL_MINUTES:  # "100 hours of volunteering" is no ritual's length
            found.append(minutes)
    return found


def _phrases(text: str, lang: str, size: int) -> set[str]:
    """Every run of ``size`` words (English) or Han characters (Chinese) in ``text``."""
    if lang == "zh":
        runs = re.findall(f"[{HAN}]+", text)
        return {run[i:i + size] for run in runs for i in range(len(run) - size + 1)}
    words = re.findall(r"[a-z']+", text.lower())
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def _is_chat_text(path: FieldPath) -> bool:
    """Chat texts are pasted as written: their typography is the group's, not the site's."""
    return len(path) >= 2 and path[0] == "messages"


def text_bounds(kind: str, path: FieldPath) -> str:
    """Which of a language's ``bounds`` a text of an entry of ``kind`` at ``path`` keeps: the
    rule book's, and the Propose page's as the reader types."""
    if path[0] == "messages":
        return "messages"
    if kind == "guide" and path[0] == "steps" and path[-1] == "text":
        return "paragraph"
    named = [part for part in path if isinstance(part, str)]
    if len(path) == 1 or (named and named[-1] == "claim"):
        return _BOUNDS_OF_FIELD.get(named[-1], "text") if named else "text"
    return "text"


def _message_texts(playbook: Playbook) -> Iterator[tuple[str, str, str]]:
    messages = playbook.messages
    for name in MESSAGE_FIELDS:
        text = getattr(messages, name, None) if messages else None
        for lang, value in (text.translations.items() if text else ()):
            yield name, lang, value


def _count(n: int, word: str) -> str:
    return f"only {n} {word}{'' if n == 1 else 's'}" if n else f"no {word}s"
