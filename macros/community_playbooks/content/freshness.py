"""What is due for a review: an entry last reviewed, or a platform fact last checked, more
than twelve months ago."""

from __future__ import annotations

from datetime import date
from typing import Iterable

from .model import Entry, Fact, Platform

REVIEW_MONTHS = 12


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, clamped to the month's length (31 March - 1 month = 28/29 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - one of the lengths always fits


def is_stale(entry: Entry, today: date, months: int = REVIEW_MONTHS) -> bool:
    return date.fromisoformat(entry.reviewed) < months_before(today, months)


def is_unchecked(fact: Fact, today: date, months: int = REVIEW_MONTHS) -> bool:
    """Whether nobody has checked the fact against its source for ``months``."""
    return date.fromisoformat(fact.checked) < months_before(today, months)


def unchecked_facts(platforms: Iterable[Platform], today: date,
                    months: int = REVIEW_MONTHS) -> list[tuple[Platform, Fact]]:
    """Facts due for a check, the longest unchecked first."""
    due = [(platform, fact) for platform in platforms for fact in platform.facts if is_unchecked(fact, today, months)]
    return sorted(due, key=lambda pair: (pair[1].checked, pair[0].id, pair[1].id))


def stale_entries(entries: Iterable[Entry], today: date, months: int = REVIEW_MONTHS) -> list[Entry]:
    """Stale entries, the longest unreviewed first."""
    return sorted((e for e in entries if is_stale(e, today, months)), key=lambda e: (e.reviewed, e.file))
