"""Checklists tailored to a group, and as text for terminals and chats."""

from __future__ import annotations

import dataclasses

import pytest

from community_playbooks.render.checklists import Situation, applies, checklist_text, tailored
from community_playbooks.content.loader import load_library
from community_playbooks.content.model import Condition

from ..conftest import FIXTURE


@pytest.fixture(scope="module")
def library():
    return load_library(FIXTURE)


@pytest.mark.parametrize("condition, situation, expected", [
    (None, Situation("wechat", 300, "shared"), True),
    (Condition(platforms=("discord",)), Situation("wechat"), False),
    (Condition(platforms=("discord",)), Situation("discord"), True),
    (Condition(platforms=("discord",)), Situation(), True),  # no platform chosen: keep it, marked "only for"
    (Condition(min_size=200), Situation(size=150), False),
    (Condition(min_size=200), Situation(size=200), True),
    (Condition(max_size=50), Situation(size=51), False),
    (Condition(stages=("shared",)), Situation(stage="founder-led"), False),
    (Condition(stages=("shared",)), Situation(stage="shared"), True),
    (Condition(platforms=("wechat",), min_size=200), Situation("wechat", 100), False),
])
def test_applies(condition, situation, expected):
    assert applies(condition, situation) is expected


def test_tailoring_drops_items_and_empty_phases(library):
    club = library.playbooks["tiny-club"]  # the whole first week is for Discord only

    def phases(situation):
        return {phase.phase: [i.id for i in items] for phase, items in tailored(library, club, situation)}

    launch = ["write-mission", "pin-rules", "choose-first-book"]
    assert phases(Situation("wechat", 40, "founder-led", "new")) == {"before-launch": launch,
                                                                    "first-week": ["post-welcome"],
                                                                    "first-month": ["count-finishers"]}
    assert phases(Situation("discord", 8, "shared", "new")) == {
        "before-launch": launch,
        "first-week": ["first-digest", "greet-newcomers", "pick-second-book", "post-welcome"],
        "first-month": ["ask-a-host", "retire-quiet"]}


def test_a_running_group_gets_its_routines_health_check_and_way_to_the_next_stage(library):
    club = library.playbooks["tiny-club"]
    found = {phase.phase: [i.id for i in items]
             for phase, items in tailored(library, club, Situation("wechat", 40, "founder-led", "running"))}
    assert found == {"ongoing": ["thank-hosts"], "health-check": ["count-posters", "ask-newcomers", "check-founder-load"],
                     "move-on": ["move-on-founder-led-1"]}
    # launched last month: the first weeks' items and the routines, no health check yet
    young = {phase.phase for phase, _ in tailored(library, club, Situation(age="young"))}
    assert young == {"first-week", "first-month", "ongoing"}


def test_a_pitfalls_remedy_joins_the_checklist(library):
    club = library.playbooks["tiny-club"]
    dead = library.pitfalls["dead-group"]
    (last, items), *_ = reversed(list(tailored(library, club, Situation(age="running", remedies=("dead-group",)))))
    assert last.phase == "remedy-dead-group" and last.title.get("en") == "Remedy: Dead group"
    assert [i.text for i in items] == list(dead.remedy) and items[0].id == "remedy-dead-group-1"


def test_text_checklist_for_a_terminal(library):
    text = checklist_text(library, library.playbooks["tiny-club"], "en", Situation("wechat", 40, "founder-led", "new"))
    assert text == (
        "Tiny club — Launch checklist\n"
        "============================\n\n"
        "Tailored for: WeChat, 40 members, Founder-led, Not launched yet\n\n"
        "Before launch\n-------------\n"
        "[ ] Write the mission.\n    When: Two weeks before · Owner: Founder\n"
        "[ ] Pin the rules.\n    When: One day before · Owner: Founder\n"
        "[ ] Choose the first book.\n    When: One week before · Owner: Founder\n\n"
        "First week\n----------\n"
        "[ ] Post the welcome text.\n    When: Day 1 · Owner: Founder\n\n"
        "First month\n-----------\n"
        "[ ] Count who finished the book.\n    When: Day 30 · Owner: Host\n"
    )


def test_markdown_checklist_in_chinese(library):
    text = checklist_text(library, library.playbooks["tiny-club"], "zh", fmt="markdown")
    assert text.startswith("# 小小俱乐部 — 开群清单\n\n## 开群之前\n\n- [ ] 写下使命。  \n  时间：开群前两周 · 负责人：发起人\n")
    assert "## 第一周" in text


def test_markdown_checklist_shows_symbols_literally(library):
    club = library.playbooks["tiny-club"]
    phase = club.checklists[0]
    item = dataclasses.replace(phase.items[0], text=type(phase.items[0].text).of("Pin *the* [rules](https://x.org)"))
    club = dataclasses.replace(club, checklists=(dataclasses.replace(phase, items=(item,)),))
    text = checklist_text(library, club, "en", fmt="markdown")
    assert "- [ ] Pin \\*the\\* rules  \n" in text
