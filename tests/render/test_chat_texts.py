"""Chat texts: each platform gets a form it pastes without stray symbols."""

from __future__ import annotations

from community_playbooks.render.chat_texts import to_markdown, to_slack, variants

RULES = "Reading circle — rules\n1. One book a month, chosen by vote.\n2. No *ads*, no links to shops.\n\n# is not a heading"


def test_wechat_gets_the_text_exactly_as_written():
    assert variants(RULES + "\n\n\n").plain == RULES


def test_discord_gets_a_bold_heading_and_escaped_symbols():
    assert to_markdown(RULES).split("\n") == [
        "**Reading circle — rules**",
        "1. One book a month, chosen by vote.",
        "2. No \\*ads\\*, no links to shops.",
        "",
        "\\# is not a heading",
    ]


def test_slack_gets_single_star_bold_and_the_rest_as_written():
    assert to_slack(RULES).split("\n")[0] == "*Reading circle — rules*"
    assert to_slack(RULES).split("\n")[1:] == RULES.split("\n")[1:]


def test_chinese_rules_keep_their_numbering_and_punctuation():
    text = "读书会群规\n1. 每月共读一本书。\n2. 不发广告，不拉人进别的群。"
    assert to_markdown(text) == "**读书会群规**\n1. 每月共读一本书。\n2. 不发广告，不拉人进别的群。"
