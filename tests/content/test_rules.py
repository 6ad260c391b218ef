"""The content lint: shipped content passes it, and each rule catches what it is for."""

from __future__ import annotations

import dataclasses

import pytest

from community_playbooks.content import rules
from community_playbooks.content.loader import Loader, load_library
from community_playbooks.content.model import Text

from ..conftest import FIXTURE, ROOT


def lint(library, root=ROOT):
    """The rule book on ``library``, locating problems in the files under ``root``."""
    return rules.check(library, Loader(root).locator())


def test_shipped_content_passes_the_rules():
    problems = lint(load_library(ROOT))
    assert not problems, "\n".join(map(str, problems))


@pytest.fixture(scope="module")
def fixture():
    return load_library(FIXTURE)


def messages(problems):
    return [str(p) for p in problems]


def test_the_fixture_passes_with_its_translations_to_do(fixture):
    """Four of its entries are marked needs_translation: their missing texts are listed apart."""
    found = lint(fixture, FIXTURE)
    assert not [p for p in found if p.fatal], messages(found)
    assert sorted((p.file, p.field, p.todo) for p in found) == [
        ("playbooks/guides/quiet-weeks.yaml", "checklist[2].text", "translation"),
        ("playbooks/other-club.yaml", "feedback.signals[0]", "translation"),
        ("playbooks/pitfalls/off-topic-drift.yaml", "prevention[0]", "translation"),
        ("playbooks/rituals/monthly-look-back.yaml", "steps[1]", "translation")]


def test_text_written_once_lacks_both_languages(fixture):
    # (an entry marked needs_translation is told it may list the language: test_cli.py)
    tiny = dataclasses.replace(fixture.playbooks["tiny-club"], title=Text.of("Tiny club"))
    found = messages(lint(dataclasses.replace(fixture, playbooks={**fixture.playbooks, "tiny-club": tiny}), FIXTURE))
    assert [m for m in found if "tiny-club" in m] == [
        "playbooks/tiny-club.yaml:2:8: title: no en and zh text; write it as {en: ..., zh: ...}"]


def with_pitfall(library, **changes):
    pitfall = dataclasses.replace(library.pitfalls["sales-group"], **changes)
    return dataclasses.replace(library, pitfalls={**library.pitfalls, "sales-group": pitfall})


def test_placeholders_are_caught(fixture):
    library = with_pitfall(fixture, summary=Text.of({"en": "TODO: write a summary for this pitfall that is long "
                                                           "enough to pass", "zh": "待补充的简介内容，稍后再写完整。"}))
    found = messages(lint(library, FIXTURE))
    assert any("summary.en: placeholder text 'TODO'" in m for m in found)
    assert any("summary.zh: placeholder text '待补充'" in m for m in found)


def test_chinese_ranges_and_lists_are_set_the_chinese_way(fixture):
    library = with_pitfall(fixture, summary=Text.of({
        "en": "Members leave within a week when nobody greets them at all.",
        "zh": "每周四 20:00—21:00 没人说话；成员来自微信, QQ 和 Discord。"}))
    found = messages(lint(library, FIXTURE))
    assert any("summary.zh: joins a range with '0—2'; write ranges with an en dash" in m for m in found)
    assert any("summary.zh: has an ASCII comma in Chinese text ('信, Q'); use '，' between clauses and '、'" in m
               for m in found)


def test_lengths_are_bounded(fixture):
    library = with_pitfall(fixture, title=Text.of({"en": "A" * 61, "zh": "坑" * 21}))
    found = messages(lint(library, FIXTURE))
    assert any("title.en: en text is 61 characters long; keep it between 3 and 60" in m for m in found)
    assert any("title.zh: zh text is 21 characters long; keep it between 2 and 20" in m for m in found)


def test_orphans_are_caught(fixture):
    library = dataclasses.replace(fixture, used_in={k: v for k, v in fixture.used_in.items()
                                                    if k != ("ritual", "weekly-digest")})
    assert any("rituals/weekly-digest.yaml" in m and "no playbook uses this ritual" in m
               for m in messages(lint(library, FIXTURE)))


def test_near_identical_titles_are_caught(fixture):
    library = with_pitfall(fixture, title=Text.of({"en": "Dead groups", "zh": "死群了"}))
    assert any("title is nearly the same as playbooks/pitfalls/dead-group.yaml's" in m
               for m in messages(lint(library, FIXTURE)))


def test_checklist_items_need_when_and_owner():
    from community_playbooks.content.validation import load_schemas

    item = load_schemas().documents["playbook.schema.json"]["properties"]["checklists"]["items"]
    assert {"when", "owner"} <= set(item["properties"]["items"]["items"]["required"])


@pytest.fixture(scope="module")
def shipped():
    return load_library(ROOT)


def with_playbook(library, playbook_id, **changes):
    playbook = dataclasses.replace(library.playbooks[playbook_id], **changes)
    return dataclasses.replace(library, playbooks={**library.playbooks, playbook_id: playbook})


def test_a_playbook_needs_rituals_pitfalls_stages_and_a_real_checklist(shipped):
    circle = shipped.playbooks["reading-circle"]
    thin = with_playbook(shipped, "reading-circle", rituals=circle.rituals[:2], governance=circle.governance[:2],
                         pitfalls=tuple(dataclasses.replace(p, note=None) for p in circle.pitfalls),
                         checklists=(dataclasses.replace(circle.checklists[0], items=circle.checklists[0].items[:3]),))
    found = [m for m in messages(lint(thin)) if m.startswith("playbooks/reading-circle.yaml")]
    assert any("rituals: has only 2 rituals; a group needs at least 3" in m for m in found)
    assert any("pitfalls: has no pitfalls with a note" in m for m in found)
    assert any("governance: covers the stages founder-led, shared; describe all 3, in order: founder-led, shared, "
               "self-governing" in m for m in found)
    assert any("checklists: has only 3 launch checklist items; a launch plan needs at least 10" in m for m in found)


def test_chat_texts_must_be_plain(shipped):
    circle = shipped.playbooks["reading-circle"]
    rules = Text.of({"en": "**Rules**\n1. Be kind.", "zh": "群规\n1. 友善。"})
    found = messages(lint(with_playbook(shipped, "reading-circle",
                                        messages=dataclasses.replace(circle.messages, rules=rules))))
    assert any("messages.rules.en: Markdown '**' in a chat text; write plain text" in m for m in found)
    assert not any("messages.rules.zh: Markdown" in m for m in found)


def test_a_ritual_says_how_to_run_it_on_every_big_platform(shipped):
    ritual = shipped.rituals["guest-ama"]
    library = dataclasses.replace(shipped, rituals={**shipped.rituals, "guest-ama": dataclasses.replace(
        ritual, variations=tuple(v for v in ritual.variations if v.platform != "telegram"))})
    assert any("rituals/guest-ama.yaml" in m and "variations: no variation for telegram" in m
               for m in messages(lint(library)))


def test_a_link_to_an_entry_that_does_not_exist_is_reported(shipped):
    circle = shipped.playbooks["reading-circle"]
    why = Text.of({"en": "It keeps out the [dead grup](pitfalls/dead-grup) of readers who never read.",
                   "zh": "门槛能挡住只收藏不读书的人，避免变成[死群](pitfalls/dead-group)。"})
    found = messages(lint(with_playbook(shipped, "reading-circle",
                                        threshold=dataclasses.replace(circle.threshold, why=why))))
    assert any("threshold.why.en: links to 'pitfalls/dead-grup', which does not exist; did you mean 'dead-group'?"
               in m for m in found)
    assert not any("threshold.why.zh: links to" in m for m in found)


# --- what a page says must hold: lengths, platforms, a running group's checklist --------------

def with_playbook_in(library, playbook_id, **changes):
    playbook = dataclasses.replace(library.playbooks[playbook_id], **changes)
    return dataclasses.replace(library, playbooks={**library.playbooks, playbook_id: playbook})


@pytest.mark.parametrize("note, said", [
    ({"en": "We meet for 45 minutes.", "zh": "每次 45 分钟。"}, 45),
    ({"en": "About an hour, with ten minutes from the host first.", "zh": "大约一个小时，主持人先讲十分钟。"}, 60),
    ({"en": "Half an hour on Fridays.", "zh": "周五半小时。"}, 30),
])
def test_a_note_that_gives_another_length_than_the_page_is_refused(fixture, note, said):
    club = fixture.playbooks["tiny-club"]
    uses = (dataclasses.replace(club.rituals[0], note=Text.of(note)), *club.rituals[1:])
    found = messages(lint(with_playbook_in(fixture, "tiny-club", rituals=uses), FIXTURE))
    shown = club.rituals[0].duration  # tiny-club runs the digest for its own 30 minutes
    wrong = [m for m in found if "rituals[0].note" in m]
    if said == shown:
        assert not wrong
    else:
        assert len(wrong) == 2 and f"the note says {said} minutes; the page shows {shown}" in wrong[0]
        assert f"set 'duration: {said}' here" in wrong[0]


def test_deadlines_are_not_lengths():
    assert rules.minutes_in("Reply within 24 hours; the call lasts 40 minutes.") == [40]
    assert rules.minutes_in("48 小时内回复，会议 90 分钟。") == [90]
    assert rules.minutes_in("A hundred volunteers gave 100 hours.") == []


def test_a_claim_about_a_platform_needs_one_of_its_facts(fixture):
    club = fixture.playbooks["tiny-club"]
    said = Text.of({"en": "Pin the WeChat group announcement and keep the group under 500.",
                    "zh": "把群规放进微信群公告。"})
    phases = (dataclasses.replace(club.checklists[0], items=(
        dataclasses.replace(club.checklists[0].items[0], text=said), *club.checklists[0].items[1:])),
        *club.checklists[1:])
    uncited = with_playbook_in(fixture, "tiny-club", checklists=phases, facts=())
    found = [m for m in messages(lint(uncited, FIXTURE)) if "without the fact that backs it" in m]
    # both name a feature (a term of the fact invite-confirmation in wechat.yaml); English a number too
    assert [m.split(": ")[1] for m in found] == ["checklists[0].items[0].text.en", "checklists[0].items[0].text.zh"]
    assert ("says of WeChat (group announcement) 'Pin the WeChat group announcement and keep the group under 500.'"
            in found[0])
    assert "name wechat/invite-confirmation under facts:" in found[0]
    # another fact of the platform does not back a feature it does not speak of
    other = with_playbook_in(fixture, "tiny-club", checklists=phases, facts=("wechat/mainland-access",))
    assert len([m for m in messages(lint(other, FIXTURE)) if "without the fact that backs it" in m]) == 2
    cited = with_playbook_in(fixture, "tiny-club", checklists=phases, facts=("wechat/invite-confirmation",))
    assert not [m for m in messages(lint(cited, FIXTURE)) if "without the fact that backs it" in m]


def test_names_overlap_the_longest_wins():
    from community_playbooks.content.mentions import Names

    names = Names.of([{"wechat": {"en": "WeChat", "zh": "微信"}, "wecom": {"en": "WeCom", "zh": "企业微信"},
                       "slack": {"en": "Slack", "zh": "Slack"}}], {}, {})
    assert names.named("用企业微信拉群") == ["wecom"]
    assert names.named("The slack months, then Slack and 微信") == ["slack", "wechat"]
    assert names.claims("每周四 20:30 在微信群里讨论。") == []  # a time of day is no claim
    (claim,) = names.claims("微信群满两百人就开二群。")
    assert (claim.platform, claim.sentence, claim.facts) == ("wechat", "微信群满两百人就开二群。", frozenset())
    featured = Names.of([{"qq": {"en": "QQ", "zh": "QQ"}}], {}, {"qq": {"essence-messages": {"en": ["essence message"]}}})
    (claim,) = featured.claims("Mark the answer as one of the QQ group's essence messages.")
    assert claim.facts == {"essence-messages"} and claim.features == ("essence messages",)


def test_an_item_that_names_one_platform_is_marked_for_it(fixture):
    club = fixture.playbooks["tiny-club"]  # on WeChat and Discord
    item = dataclasses.replace(club.checklists[0].items[0], text=Text.of({"en": "Pin the rules in WeChat.",
                                                                          "zh": "在微信里置顶群规。"}))
    phases = (dataclasses.replace(club.checklists[0], items=(item, *club.checklists[0].items[1:])), *club.checklists[1:])
    found = messages(lint(with_playbook_in(fixture, "tiny-club", checklists=phases), FIXTURE))
    assert any("checklists[0].items[0].text: names wechat but is shown for every platform of the playbook; add "
               "'if: {platforms: [wechat]}'" in m for m in found)


def test_every_playbook_has_a_checklist_for_a_running_group(fixture):
    club = fixture.playbooks["tiny-club"]
    launch_only = tuple(p for p in club.checklists if p.phase not in ("ongoing", "health-check"))
    found = messages(lint(with_playbook_in(fixture, "tiny-club", checklists=launch_only), FIXTURE))
    assert any("checklists: has no health check items; a running group's checklist needs at least 3 items in the "
               "phase 'health-check'" in m for m in found)
    assert any("has no routines items" in m for m in found)


def test_the_mission_says_what_to_do_when_the_pulls_conflict(fixture):
    club = fixture.playbooks["tiny-club"]
    found = messages(lint(with_playbook_in(fixture, "tiny-club", mission=dataclasses.replace(club.mission,
                                                                                          conflict=None)), FIXTURE))
    assert any("mission.conflict: says nothing of when the two pulls conflict" in m for m in found)


def test_summaries_and_chat_texts_do_not_read_as_one_template(fixture):
    summary = Text.of({"en": "How to run a group that walks on Saturdays and posts the routes afterwards.",
                       "zh": "周六一起徒步，再把路线发到群里。"})
    library = with_playbook_in(fixture, "tiny-club", summary=summary)
    library = with_playbook_in(library, "other-club", summary=summary)
    library = with_pitfall(library, summary=Text.of({"en": "How to run into sellers: they post links every day.",
                                                     "zh": "卖家每天发购买链接。"}))
    found = [m for m in messages(lint(library, FIXTURE)) if "opens with 'how to run'" in m]
    assert len(found) == 1 and "as 2 other summaries do" in found[0]
