"""Ritual calendars: valid iCalendar that a calendar app expands to the right dates."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone

import icalendar
import pytest
import recurring_ical_events

from community_playbooks.render.ritual_calendar import recurrence, ritual_calendar
from community_playbooks.content.loader import load_library
from community_playbooks.content.model import Cadence, RitualUse, Text

from ..conftest import FIXTURE

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.fixture(scope="module")
def library():
    return load_library(FIXTURE)


@pytest.mark.parametrize("cadence, rule", [
    (Cadence("daily"), "FREQ=DAILY"),
    (Cadence("weekly", "thu", "20:30"), "FREQ=WEEKLY;BYDAY=TH"),
    (Cadence("biweekly", "mon"), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    (Cadence("monthly", "sat", "14:00", week="last"), "FREQ=MONTHLY;BYDAY=-1SA"),
    (Cadence("quarterly", "sun", week="first"), "FREQ=MONTHLY;INTERVAL=3;BYDAY=1SU"),
    (Cadence("yearly"), None),  # the founding day is the group's own: no date to give
    (Cadence("monthly"), None),  # nor without a weekday: the build's day of the month would stick
    (Cadence("quarterly", "sun"), None),
    (Cadence("on-join"), None),
    (Cadence("as-needed"), None),
])
def test_cadence_to_rrule(cadence, rule):
    assert recurrence(cadence) == rule


def test_the_calendar_parses_and_recurs_on_the_right_days(library):
    club = library.playbooks["tiny-club"]  # weekly digest on Friday at 20:30, 30 minutes
    text = ritual_calendar(library, club, "en", TODAY, "https://example.org/playbooks/tiny-club/")
    assert all(line.endswith("\r") or not line for line in text.split("\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Weekly digest · Tiny club"]
    found = recurring_ical_events.of(calendar).between(datetime(2026, 11, 25), datetime(2026, 12, 31))
    starts = [e["DTSTART"].dt for e in found]
    assert starts[:3] == [datetime(2026, 11, 27, 20, 30), datetime(2026, 12, 4, 20, 30), datetime(2026, 12, 11, 20, 30)]
    assert all(e["DTEND"].dt - e["DTSTART"].dt == timedelta(minutes=30) for e in found)
    assert str(events[0]["URL"]) == "https://example.org/playbooks/tiny-club/"


def test_the_last_saturday_of_each_month(library):
    club = library.playbooks["tiny-club"]
    use = RitualUse("weekly-digest", Cadence("monthly", "sat", "14:00", week="last"))
    club = dataclasses.replace(club, rituals=(use,))
    calendar = icalendar.Calendar.from_ical(ritual_calendar(library, club, "zh", TODAY))
    found = recurring_ical_events.of(calendar).between(datetime(2026, 11, 1), datetime(2027, 3, 1))
    assert [e["DTSTART"].dt.date() for e in found] == [date(2026, 11, 28), date(2026, 12, 26), date(2027, 1, 30),
                                                        date(2027, 2, 27)]
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "每周精华 · 小小俱乐部"


def test_long_lines_are_folded_without_splitting_a_character(library):
    club = library.playbooks["tiny-club"]
    long_note = "很长的说明，" * 40
    use = RitualUse("weekly-digest", None, note=Text.of({"en": "x", "zh": long_note}))
    text = ritual_calendar(library, dataclasses.replace(club, rituals=(use,)), "zh", TODAY)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["DESCRIPTION"]) == long_note


def test_rituals_without_a_date_stay_out_of_the_calendar(library):
    club = dataclasses.replace(library.playbooks["tiny-club"], rituals=(RitualUse("weekly-digest", Cadence("on-join")),))
    assert "BEGIN:VEVENT" not in ritual_calendar(library, club, "en", TODAY)


def test_a_time_in_utc_stays_in_utc(library):
    club = library.playbooks["tiny-club"]
    use = RitualUse("weekly-digest", Cadence("weekly", "thu", "14:00", zone="UTC"))
    calendar = icalendar.Calendar.from_ical(ritual_calendar(library, dataclasses.replace(club, rituals=(use,)), "en",
                                                            TODAY))
    start = calendar.walk("VEVENT")[0]["DTSTART"].dt
    assert start == datetime(2026, 11, 26, 14, 0, tzinfo=timezone.utc)


def test_text_values_cannot_start_a_property(library):
    club = dataclasses.replace(library.playbooks["tiny-club"], title=Text.of("Club\rX-INJECTED:1\nDESCRIPTION:y"))
    text = ritual_calendar(library, club, "en", TODAY)
    assert "\r\nX-INJECTED" not in text and "\nDESCRIPTION:y" not in text
    calendar = icalendar.Calendar.from_ical(text)
    assert "X-INJECTED" not in calendar and len(calendar.walk("VEVENT")) == 1


def test_one_ritual_gets_a_calendar_of_its_own(library):
    club = library.playbooks["tiny-club"]
    events = icalendar.Calendar.from_ical(ritual_calendar(library, club, "en", TODAY, ritual_id="weekly-digest"))
    (event,) = [c for c in events.walk("VEVENT")]
    assert str(event["SUMMARY"]).startswith("Weekly digest") and event["DURATION"].dt == timedelta(minutes=30)


def test_the_page_says_what_the_calendar_holds_and_how_to_add_it(library):
    """tiny-club's digest is dated, its welcome round happens when someone joins, and its monthly
    look-back has no weekday: two are not in the calendar, and the page says why."""
    from community_playbooks.render.context import Site
    from community_playbooks.render.manifest import site_files
    from community_playbooks.render.pages.playbook import playbook_page

    page = playbook_page(Site(library, "en", TODAY), library.playbooks["tiny-club"])
    about = page.split('"What the calendar holds, and how to add it"', 1)[1]
    assert "**In the calendar:** Weekly digest" in about
    assert "- Welcome round: it happens when someone joins" in about
    assert "- Monthly look-back: on a day your group sets" in about
    assert "iPhone: tap the calendar link in Safari, then Add All" in about
    assert "[add this one to a calendar](tiny-club/calendar/weekly-digest.ics)" in page
    files = {f.uri for f in site_files(Site(library, "zh", TODAY))}
    assert "playbooks/tiny-club/calendar/weekly-digest.ics" in files
    assert "playbooks/tiny-club/calendar/welcome-round.ics" not in files
