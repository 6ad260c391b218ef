"""A playbook's rituals as an iCalendar file (RFC 5545) that calendar apps import.

Each ritual with a calendar frequency becomes one recurring event: its RRULE comes from
the cadence (the playbook's own, else the ritual's), its length from the ritual's
duration. Times are "floating" (no time zone): a 20:30 ritual is at 20:30 wherever the
group is, unless the cadence says its time is in UTC. Rituals that happen on an event
rather than on a date (when someone joins or leaves, as needed) are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil import rrule

from ..content.library import Library, Scheduled
from ..content.markup import unlinked
from ..content.model import Cadence, Playbook, Ritual

WEEK_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
# frequency -> (RRULE FREQ, INTERVAL)
FREQUENCIES = {"daily": ("DAILY", 1), "weekly": ("WEEKLY", 1), "biweekly": ("WEEKLY", 2),
               "monthly": ("MONTHLY", 1), "quarterly": ("MONTHLY", 3), "yearly": ("YEARLY", 1)}
PRODID = "-//Community Playbooks//Ritual calendar//EN"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Occurrence:
    """A ritual of a playbook as a calendar sees it."""

    run: Scheduled
    rule: str  # the RRULE value, e.g. FREQ=WEEKLY;BYDAY=TH
    first: datetime | date  # a datetime when the cadence has a time, else a whole day

    @property
    def ritual(self) -> Ritual:
        return self.run.ritual

    @property
    def cadence(self) -> Cadence:
        return self.run.cadence

    def upcoming(self, count: int) -> list[datetime | date]:
        """The first ``count`` dates of the event."""
        start = self.first if isinstance(self.first, datetime) else datetime.combine(self.first, time())
        dates = []
        for moment in rrule.rrulestr(self.rule, dtstart=start):
            dates.append(moment if isinstance(self.first, datetime) else moment.date())
            if len(dates) == count:
                break
        return dates


def recurrence(cadence: Cadence) -> str | None:
    """The RRULE of a cadence, or None when the cadence does not fix its dates.

    Rituals that happen on an event (someone joins) have no dates; nor do monthly and
    quarterly ones without a weekday, or yearly ones (an anniversary falls on the day the
    group was founded, which the playbook cannot know). A calendar built on another day
    would move them: they are left out rather than put on a day the build picked.
    """
    if cadence.every not in FREQUENCIES or cadence.every == "yearly":
        return None
    if cadence.every in ("monthly", "quarterly") and not (cadence.day and cadence.week):
        return None
    freq, interval = FREQUENCIES[cadence.every]
    parts = [f"FREQ={freq}"] + ([f"INTERVAL={interval}"] if interval > 1 else [])
    if cadence.day and freq in ("WEEKLY", "MONTHLY"):
        day = cadence.day[:2].upper()
        parts.append(f"BYDAY={WEEK_NUMBERS[cadence.week]}{day}" if cadence.week and freq == "MONTHLY" else f"BYDAY={day}")
    return ";".join(parts)


def has_calendar(library: Library, playbook: Playbook) -> bool:
    """Whether any ritual of the playbook happens on dates (and so the playbook has a calendar)."""
    return any(recurrence(run.cadence) for run in library.schedule(playbook))


def occurrences(library: Library, playbook: Playbook, today: date) -> list[Occurrence]:
    """The calendar's events, each starting on its first date on or after ``today``."""
    found = []
    for run in library.schedule(playbook):
        rule = recurrence(run.cadence)
        if rule is None:
            continue
        at = time.fromisoformat(run.cadence.time) if run.cadence.time else time()
        first = rrule.rrulestr(rule, dtstart=datetime.combine(today, at)).after(
            datetime.combine(today, at) - timedelta(seconds=1), inc=True)
        found.append(Occurrence(run, rule, first if run.cadence.time else first.date()))
    return found


def left_out(cadence: Cadence) -> str | None:
    """Why a ritual of this cadence has no dates in a calendar (a key of the UI's words), or
    None when it has them."""
    if recurrence(cadence):
        return None
    if cadence.every in ("on-join", "on-leave", "as-needed"):
        return f"calendar_not_{cadence.every.replace('-', '_')}"
    return "calendar_not_yearly" if cadence.every == "yearly" else "calendar_not_undated"


def ritual_calendar(library: Library, playbook: Playbook, lang: str, today: date, page_url: str = "",
                    ritual_id: str | None = None) -> str:
    """The .ics text: one VEVENT per dated ritual (or only ``ritual_id``'s), CRLF line ends,
    lines folded at 75 octets."""
    stamp = datetime.combine(today, time()).strftime("%Y%m%dT%H%M%SZ")
    name = playbook.title.get(lang)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_escape(name)}"]
    for event in occurrences(library, playbook, today):
        ritual = event.ritual
        if ritual_id and ritual.id != ritual_id:
            continue
        description = " ".join(unlinked(event.run.summary.get(lang)).split())
        if page_url:
            description += f"\n\n{page_url}"
        lines += ["BEGIN:VEVENT", f"UID:{playbook.id}-{ritual.id}@community-playbooks", f"DTSTAMP:{stamp}"]
        if isinstance(event.first, datetime):
            utc = "Z" if event.cadence.zone == "UTC" else ""  # else floating: local wherever one is
            lines += [f"DTSTART:{event.first.strftime('%Y%m%dT%H%M%S')}{utc}", f"DURATION:PT{event.run.duration}M"]
        else:
            lines += [f"DTSTART;VALUE=DATE:{event.first.strftime('%Y%m%d')}", "DURATION:P1D"]
        lines += [f"RRULE:{event.rule}", f"SUMMARY:{_escape(ritual.title.get(lang) + ' · ' + name)}",
                  f"DESCRIPTION:{_escape(description)}"]
        if page_url:
            lines.append(f"URL:{page_url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): paragraphs kept as \\n, no other line break or control
    character, which a calendar app could read as the start of a new property."""
    paragraphs = [" ".join(_CONTROL.sub(" ", part).split()) for part in text.replace("\r\n", "\n").split("\n\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Split a content line into 75-octet pieces without cutting a UTF-8 character (RFC 5545 3.1)."""
    if len(line) <= 18 or len(line.encode("utf-8")) <= 75:  # 18 characters are at most 72 bytes
        return line
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not pieces else 74  # continuation lines start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)
