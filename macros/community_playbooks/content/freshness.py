"""Which entries are due for a review: a last-reviewed date older than twelve months."""

from __future__ import annotations

from datetime import date
from typing import Iterable

from .model import Entry

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


def stale_entries(entries: Iterable[Entry], today: date, months: int = REVIEW_MONTHS) -> list[Entry]:
    """Stale entries, the longest unreviewed first."""
    return sorted((e for e in entries if is_stale(e, today, months)), key=lambda e: (e.reviewed, e.file))
