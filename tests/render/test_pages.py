"""Rendering is a pure function of the library: checked here without a build."""

from __future__ import annotations

import dataclasses

import pytest

from community_playbooks.content.loader import load_library
from community_playbooks.content.model import Text
from community_playbooks.render import escape as mdtext
from community_playbooks.render.api import api_files, entry_json
from community_playbooks.render.checklists import checklist
from community_playbooks.render.context import Site
from community_playbooks.render.dialect import front_matter_values
from community_playbooks.render.pages.pitfall import pitfall_page
from community_playbooks.render.pages.playbook import playbook_page
from community_playbooks.render.pages.ritual import ritual_page
from community_playbooks.render.pages.stage import stage_page
from community_playbooks.render.manifest import site_files
from community_playbooks.render.pages.launch_kit import kit_page
from community_playbooks.render.qr import qr_svg
from community_playbooks.render.typography import chinese_typography

from ..conftest import FIXTURE


@pytest.fixture(scope="module")
def library():
    return load_library(FIXTURE)


def test_playbook_page_sections_come_in_order(library):
    md = playbook_page(Site(library, "en"), library.playbooks["tiny-club"])
    # task first: what it takes and what to do, then the plan to follow, then the reference parts
    order = ["# Tiny club", "To launch", 'class="cp-actions"', "On this page", "## Mission", "## Entry threshold",
             "## Checklist", "## Texts for the group", "## Rituals", "## Feedback", "## Governance by stage",
             "## Pitfalls to avoid", "## Guides to read", "## Related playbooks", "## Platform facts", "## Sources",
             "Last reviewed on 2026-11-24"]
    positions = [md.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_playbook_links_are_relative_markdown_links(library):
    md = playbook_page(Site(library, "en"), library.playbooks["tiny-club"])
    assert "[Weekly digest](../rituals/weekly-digest.md)" in md
    assert "[About this stage](../stages/founder-led.md)" in md
    assert "[Other club](other-club.md)" in md
    assert "(../pitfalls/dead-group.md#remedy)" in md


def test_pitfalls_show_the_groups_note_and_the_warning_signs(library):
    md = playbook_page(Site(library, "en"), library.playbooks["tiny-club"])
    assert "Silence after the first book." in md
    assert "- No message for a week." in md


def test_checklist_items_have_anchors_when_and_owner(library):
    ctx = Site(library, "en").page("playbooks/tiny-club.md")
    md = checklist(ctx, library.playbooks["tiny-club"])
    assert ('- <label class="cp-item" id="tiny-club--write-mission"><input type="checkbox" class="cp-check" '
            'data-cp-playbook="tiny-club" data-cp-item="write-mission" data-cp-phase="before-launch"> '
            '<span class="cp-text">Write the mission.</span></label>') in md
    assert "When: Two weeks before · Owner: Founder" in md
    assert "only for Discord" in md
    assert "### Before launch {#tiny-club--before-launch}" in md


def test_pages_render_in_chinese(library):
    md = playbook_page(Site(library, "zh"), library.playbooks["tiny-club"])
    assert "# 小小俱乐部" in md and "## 使命" in md and "时间：开群前两周" in md
    assert "To launch" not in md and "筹备" in md


def test_backlink_pages_list_users_with_their_notes(library):
    md = pitfall_page(Site(library, "en"), library.pitfalls["dead-group"])
    assert "## Used in {#used-in}" in md
    assert "- [Tiny club](../playbooks/tiny-club.md) — Silence after the first book." in md
    assert "- [Other club](../playbooks/other-club.md)" in md
    assert "[Tiny club](../playbooks/tiny-club.md)" in ritual_page(Site(library, "en"), library.rituals["weekly-digest"])
    assert "[Tiny club](../playbooks/tiny-club.md) — The founder" in stage_page(Site(library, "en"), library.stages["founder-led"])


HOSTILE = {
    "{{ 7*7 }}": "\\{\\{ 7\\*7 \\}\\}",
    "{% if true %}x{% endif %}": "\\{% if true %\\}x\\{% endif %\\}",
    "<script>alert(1)</script>": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[click](javascript:alert(1))": "\\[click\\](javascript:alert(1))",
    "[x](data:text/html,hi)": "\\[x\\](data:text/html,hi)",
    "[x](//evil.example/a)": "\\[x\\](//evil.example/a)",
    "text {: onclick=\"alert(1)\" }": "text \\{: onclick\\=\"alert(1)\" \\}",
    "--8<-- \"mkdocs.yml\"": "\\--8&lt;-- \"mkdocs.yml\"",
    "1. not a list": "1\\. not a list",
    "??? note \"not a block\"": "\\??? note \"not a block\"",
    "[x](javascript&#58;alert(1))": "\\[x\\](javascript&amp;\\#58;alert(1))",
    "[x](&#106;avascript:alert)": "\\[x\\](&amp;\\#106;avascript:alert)",
    "[x](https://a.b/\"onmouseover=\"alert)": "\\[x\\](https://a.b/\"onmouseover\\=\"alert)",
    "[see](../rituals/x.md)": "\\[see\\](../rituals/x.md)",
}


@pytest.mark.parametrize("raw", HOSTILE, ids=range(len(HOSTILE)))
def test_contributor_text_is_escaped(raw):
    assert mdtext.inline(raw) == HOSTILE[raw]


def test_web_links_survive():
    assert mdtext.inline("see [the guide](https://producingoss.com/)") == "see [the guide](https://producingoss.com/)"


def test_links_to_entries_lead_there_from_any_page(library):
    text = Text.of("Watch for [a dead group](pitfalls/dead-group#remedy) and [this](pitfalls/no-such-pitfall).")
    on_playbook = Site(library, "en").page("playbooks/tiny-club.md").text(text)
    on_kit = Site(library, "en").page("playbooks/tiny-club/kit.md").text(text)
    assert "[a dead group](../pitfalls/dead-group.md#remedy)" in on_playbook
    assert "[a dead group](../../pitfalls/dead-group.md#remedy)" in on_kit
    assert "\\[this\\](pitfalls/no-such-pitfall)" in on_playbook  # no such entry: shown as written


def test_titles_are_never_links(library):
    from community_playbooks.render.pages.entry_parts import pitfall_card

    def card(title):
        pitfall = dataclasses.replace(library.pitfalls["dead-group"], title=Text.of(title))
        return pitfall_card(Site(library, "en").page("playbooks/tiny-club.md"), pitfall)

    # a real link keeps only its label, and a quote cannot end the admonition's title
    assert card('Dead group [x](https://example.org/) "q"').startswith('!!! danger "Dead group x &quot;q&quot;"')
    # brackets that are no link are text, as everywhere
    assert card("Dead group [x](javascript:alert%281%29)").startswith(
        '!!! danger "Dead group \\[x\\](javascript:alert%281%29)"')


def test_front_matter_holds_the_title_as_plain_text_in_ascii(library):
    """Data for the templates, which escape it: written so that no character can break it."""
    club = library.playbooks["tiny-club"]
    hostile = dataclasses.replace(club, title=Text.of('A </title><script>x</script> "q" 中文'))
    md = playbook_page(Site(library, "en"), hostile)
    assert md.startswith('---\ntitle: "A </title><script>x</script> \\"q\\" \\u4e2d\\u6587"\n')
    assert front_matter_values(md)["title"] == 'A </title><script>x</script> "q" 中文'


def test_messages_stay_verbatim_as_text_with_their_line_breaks(library):
    club = library.playbooks["tiny-club"]
    messages = dataclasses.replace(club.messages, welcome=Text.of("```\n{{ 7*7 }} <b>x</b>\n```"))
    md = playbook_page(Site(library, "en"), dataclasses.replace(club, messages=messages))
    assert '<div class="cp-text__body" id="text-welcome-plain">```\n{{ 7*7 }} &lt;b&gt;x&lt;/b&gt;\n```</div>' in md


def test_every_entry_gets_a_page_and_every_kind_an_index(library):
    uris = {p.uri for p in site_files(Site(library, "en"))}
    assert {"playbooks/index.md", "pitfalls/index.md", "rituals/index.md", "stages/index.md",
            "playbooks/tiny-club.md", "pitfalls/dead-group.md", "rituals/weekly-digest.md", "stages/shared.md"} <= uris
    edit = {p.uri: p.edit_path for p in site_files(Site(library, "en"))}
    assert edit["pitfalls/dead-group.md"] == "playbooks/pitfalls/dead-group.yaml"


def test_json_api_carries_fields_urls_and_backlinks(library):
    import json

    files = {uri: json.loads(text) for uri, text in api_files(Site(library, "en"))}
    assert files["api/index.json"]["endpoints"]["playbooks"] == {"url": "api/playbooks.json", "count": 2}
    pitfall = entry_json(Site(library, "en"), library.pitfalls["dead-group"])
    assert pitfall["url"] == "pitfalls/dead-group/" and pitfall["used_in"] == ["other-club", "tiny-club"]
    assert pitfall["title"] == {"en": "Dead group", "zh": "死群"}


def test_an_entry_unreviewed_for_a_year_says_so(library):
    from datetime import date

    club = library.playbooks["tiny-club"]  # reviewed 2026-11-24
    assert "Needs review" not in playbook_page(Site(library, "en", today=date(2027, 11, 24)), club)
    stale = playbook_page(Site(library, "en", today=date(2027, 11, 25)), club)
    assert '!!! warning "Needs review"' in stale and "since 2026-11-24, more than 12 months ago" in stale
    assert "有待复核" in pitfall_page(Site(library, "zh", today=date(2028, 1, 1)), library.pitfalls["dead-group"])


def test_months_before_clamps_to_the_month():
    from datetime import date

    from community_playbooks.content.freshness import months_before

    assert months_before(date(2027, 3, 31), 1) == date(2027, 2, 28)
    assert months_before(date(2027, 1, 15), 12) == date(2026, 1, 15)


def test_a_missing_translation_falls_back_and_says_so(library):
    from community_playbooks.render.pages.translations import translation_page

    # written once, for every language: not a translation (in a playbook not marked needs_translation)
    other = dataclasses.replace(library.playbooks["tiny-club"], mission=dataclasses.replace(
        library.playbooks["tiny-club"].mission, purpose=Text.of("Walk together.")))
    zh = playbook_page(Site(library, "zh"), other)
    assert "Walk together." in zh
    assert "尚未完全翻译" not in zh
    half = dataclasses.replace(library.playbooks["tiny-club"], summary=Text.of({"en": "Only English here."}))
    zh = playbook_page(Site(library, "zh"), half)
    assert '!!! info "尚未完全翻译"' in zh and "Only English here." in zh
    assert "Not fully translated" not in playbook_page(Site(library, "en"), half)
    status = translation_page(Site(library, "en"))
    assert "| [Tiny club](playbooks/tiny-club.md) | Playbook | ✓ | ✓ |" in status


# --- Chinese typography on finished HTML ----------------------------------------------------------

def test_wrapped_chinese_lines_join_without_a_gap_even_across_a_link():
    html = '<p>先读手册，\n  再开群；详见\n<a href="x">清单</a>\n和说明。</p>\n<p>English\nwraps</p>'
    assert chinese_typography(html, lang="zh") == '<p>先读手册，再开群；详见<a href="x">清单</a>和说明。</p>\n<p>English\nwraps</p>'
    # a Chinese phrase quoted on an English page joins too; the page's other CJK text stays as it is
    english = '<p>Post the rules (群规\n<em>全文</em>) first.</p><a lang="zh">中文</a>'
    assert chinese_typography(english, lang="en") == '<p>Post the rules (群规<em>全文</em>) first.</p><a lang="zh">中文</a>'
    assert chinese_typography('<a lang="zh">中文</a>\n<p>300 人</p>', lang="en") == '<a lang="zh">中文</a>\n<p>300 人</p>'


def test_a_filled_in_chinese_phrase_has_a_space_only_beside_latin_text(library):
    from community_playbooks.content.model import join_chinese

    assert join_chinese("仅适用于 微信") == "仅适用于微信"
    assert join_chinese("仅适用于 Discord") == "仅适用于 Discord"
    assert join_chinese("至少 60 人") == "至少 60 人"
    ctx = Site(library, "zh").page("index.md")
    assert ctx.ui("text_for", what="微信 / QQ") == "适用于微信 / QQ"
    assert Site(library, "en").page("index.md").ui("text_for", what="WeChat") == "For WeChat"


def test_code_and_preformatted_text_keep_their_line_breaks():
    html = "<pre><code>第一行\n第二行 3 人</code></pre><textarea>甲\n乙</textarea>"
    assert chinese_typography(html, lang="zh") == html


def test_a_number_keeps_its_unit_on_chinese_pages_only():
    assert chinese_typography("<p>最多 300 人，每周 2 小时</p>", lang="zh") == "<p>最多 300\u00a0人，每周 2\u00a0小时</p>"
    assert chinese_typography("<p>300 people</p>", lang="en") == "<p>300 people</p>"


def test_a_printed_page_carries_the_qr_code_of_its_interactive_page(library):
    site = Site(library, "en", site_url="https://example.org/cp/")
    kit = kit_page(site, library.playbooks["tiny-club"])
    address = "https://example.org/cp/playbooks/tiny-club/"
    assert kit.count(str(qr_svg(address))) == 1  # on the checklist's sheet only
    assert 'aria-label="QR code of https://example.org/cp/playbooks/tiny-club/"' in kit
    local = Site(library, "en")  # no site_url: no address worth a code
    assert "<svg" not in kit_page(local, library.playbooks["tiny-club"])


@pytest.mark.parametrize("lang, first", [("en", "What to do now"), ("zh", "现在怎么办")])
def test_a_pitfall_page_leads_to_its_remedy_before_the_long_sections(library, lang, first):
    pitfall = next(iter(library.pitfalls.values()))
    page = pitfall_page(Site(library, lang), pitfall)
    assert page.index('<nav class="cp-actions"') < page.index("{#signs}")  # above the warning signs
    assert f'<a class="md-button md-button--primary" href="#remedy">{first}</a>' in page
    for anchor in ("remedy", "prevention", "used-in"):  # every button lands on a section of the page
        assert f'href="#{anchor}"' in page and f"{{#{anchor}}}" in page, anchor
