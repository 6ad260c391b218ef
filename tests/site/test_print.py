"""Paper: pages printed to PDF by Chromium and read back, and the launch kit PDFs of the build."""

from __future__ import annotations

import io
import re
import unicodedata

import pypdf
import pytest

from community_playbooks.render.urls import PDF_NAME
from community_playbooks.content.markup import unlinked


pytestmark = pytest.mark.browser

PLAYBOOK = "reading-circle"
# Text of the site's chrome that must never reach paper.
CHROME = {"en": ["Table of contents", "Symptom finder", "Search", "Clear my ticks", "Print the launch kit",
                 "Tailor this checklist", "Made with"],
          "zh": ["目录", "症状自查", "搜索", "清除勾选", "打印开群工具包", "定制这份清单"]}



def printed(page, url, paper):
    page.goto(url)
    page.evaluate("document.fonts.ready")
    return pypdf.PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))


def page_text(pdf_page) -> str:
    """A printed page's text; NFKC folds the CJK radicals some fonts map their glyphs to (⼯ -> 工)."""
    return unicodedata.normalize("NFKC", " ".join((pdf_page.extract_text() or "").split()))


def words(reader) -> str:
    return " ".join(page_text(page) for page in reader.pages)


def flat(text) -> str:
    return " ".join(unlinked(text).split())


def squeezed(text: str) -> str:
    """Without spaces: PDF text extraction puts spaces where the layout had gaps, not words."""
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def printed_on(needle: str, haystack: str) -> bool:
    """Whether ``needle`` is on the page, allowing one character in eight to come back as another.

    A CJK font draws some characters with a glyph it shares with a variant (户 and 戶), and the
    PDF's text layer names only one of them: the reader sees 户, text extraction may say 戶.
    """
    needle = squeezed(needle)
    allowed = max(1, len(needle) // 8)
    for start in range(len(haystack) - len(needle) + 1):
        misses = 0
        for a, b in zip(needle, haystack[start:start + len(needle)]):
            misses += a != b
            if misses > allowed:
                break
        else:
            return True
    return False


def opening(text: str, size: int = 14) -> str:
    """The first characters of an item, which print on its first line in any layout: a check that
    holds even where two columns of a sheet are read back line by line, interleaved."""
    return squeezed(flat(text))[:size]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_launch_kit_prints_one_sheet_per_part(page, real_server, library, lang, paper):
    playbook = library.playbooks[PLAYBOOK]
    prefix = "" if lang == "en" else "/zh"
    reader = printed(page, f"{real_server}{prefix}/playbooks/{PLAYBOOK}/kit/", paper)
    assert len(reader.pages) == 3  # checklist, texts for the group, ritual calendar
    compact = [squeezed(page_text(p)) for p in reader.pages]
    for sheet in compact:  # every sheet carries the title, the date and the interactive page's address
        assert printed_on(flat(playbook.title.get(lang)), sheet)
        assert re.search(rf"\d{{4}}-\d{{2}}-\d{{2}}·https://\S+/playbooks/{PLAYBOOK}/(?!kit)", sheet)
    # the checklist's sheet carries the QR code that opens the page to tick it on a phone
    caption = squeezed("Scan to tick it on your phone" if lang == "en" else "扫码在手机上勾选")
    assert [caption in sheet for sheet in compact] == [True, False, False]
    launch = [phase for phase in playbook.checklists if "new" in library.phase_serves[phase.phase]]
    for phase in launch:
        for item in phase.items:
            assert printed_on(opening(item.text.get(lang)), compact[0]), item.id
    assert printed_on(flat(playbook.messages.rules.get(lang).split("\n")[0]), compact[1])
    ritual = library.rituals[playbook.rituals[1].ref]
    assert printed_on(flat(ritual.title.get(lang)), compact[2])
    for chrome in CHROME[lang]:
        assert squeezed(chrome) not in "".join(compact), chrome


@pytest.mark.parametrize("paper, size", [("A4", (595.3, 841.9)), ("Letter", (612, 792))])
def test_a_playbook_page_prints_its_checklist_without_the_site_around_it(page, real_server, library, paper, size):
    playbook = library.playbooks[PLAYBOOK]
    reader = printed(page, f"{real_server}/playbooks/{PLAYBOOK}/", paper)
    assert all(abs(float(x) - y) < 1.5 for x, y in zip(reader.pages[0].mediabox[2:], size))  # points
    text = words(reader)
    head = page_text(reader.pages[0])
    assert head.startswith(f"{playbook.title.get('en')} · Learning or reading group · ")
    assert re.search(r"\d{4}-\d{2}-\d{2} · https://\S+/playbooks/reading-circle/", head)
    for phase in playbook.checklists:
        for item in phase.items:
            assert flat(item.text.get("en")) in text, item.id
            assert flat(item.when.get("en")) in text
    for chrome in CHROME["en"]:
        assert chrome not in text, chrome
    assert "engagement" not in head  # tags are for the screen


def test_boxes_print_empty_even_when_ticked_on_screen(page, real_server):
    page.goto(f"{real_server}/playbooks/{PLAYBOOK}/")
    page.locator("input.cp-check").first.check()
    page.emulate_media(media="print")
    look = page.locator("input.cp-check").first.evaluate(
        "b => { const s = getComputedStyle(b); return [s.appearance, s.borderTopStyle, s.backgroundColor]; }")
    assert look == ["none", "solid", "rgb(255, 255, 255)"]


def test_chinese_prints_with_chinese_glyphs(page, real_server, library):
    """Chinese on paper is drawn by a CJK font, glyph by glyph, not by boxes of a fallback."""
    page.goto(f"{real_server}/zh/playbooks/{PLAYBOOK}/")
    page.emulate_media(media="print")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    for selector in ("article h1", "#mission + p", ".cp-item .cp-text"):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        cjk = sum(f["glyphCount"] for f in fonts if "CJK" in f["familyName"])
        assert cjk >= 2 and cjk >= sum(f["glyphCount"] for f in fonts) // 2, (selector, fonts)
    reader = printed(page, f"{real_server}/zh/playbooks/{PLAYBOOK}/", "A4")
    purpose = flat(library.playbooks[PLAYBOOK].mission.purpose.get("zh"))
    assert printed_on(purpose[:20], squeezed(words(reader)))


def test_the_build_printed_every_launch_kit(real_site, library):
    for lang, prefix in (("en", real_site), ("zh", real_site / "zh")):
        for playbook in library.playbooks.values():
            pdf = prefix / "playbooks" / playbook.id / PDF_NAME
            reader = pypdf.PdfReader(pdf)
            assert len(reader.pages) == 3, (lang, playbook.id)
            assert printed_on(flat(playbook.title.get(lang)), squeezed(page_text(reader.pages[0])))


def test_the_kit_page_offers_its_pdf(page, real_server):
    page.goto(f"{real_server}/playbooks/{PLAYBOOK}/kit/")
    link = page.get_by_role("link", name="Download the PDF")
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"


def test_the_playbook_page_offers_its_launch_kit_as_a_pdf(page, real_server):
    page.goto(f"{real_server}/zh/playbooks/{PLAYBOOK}/")
    href = page.get_by_role("link", name="开群工具包（PDF）").evaluate("a => a.href")
    assert href.endswith(f"/zh/playbooks/{PLAYBOOK}/launch-kit.pdf")
    response = page.request.get(href)
    assert response.ok and response.body()[:5] == b"%PDF-"


def test_a_kit_tailored_to_a_group_prints_that_groups_items_and_says_for_whom(page, real_server, library):
    from community_playbooks.render.checklists import Situation, tailored

    playbook = library.playbooks["alumni-network"]
    reader = printed(page, f"{real_server}/playbooks/alumni-network/kit/?platform=slack&size=120", "A4")
    sheet = squeezed(page_text(reader.pages[0]))
    assert squeezed("Showing what applies to Slack, 120 members.") in sheet
    shown = {item.id for _, items in tailored(library, playbook, Situation("slack", 120, age="new")) for item in items}
    for phase in playbook.checklists:
        for item in phase.items:
            if "new" in library.phase_serves[phase.phase]:
                assert (opening(item.text.get("en")) in sheet) == (item.id in shown), item.id
    assert squeezed("Show every item") not in sheet


def test_the_builder_prints_the_checklist_with_the_remedies_added(page, real_server, library):
    dead = library.pitfalls["dead-group"]
    page.goto(f"{real_server}/tools/checklist-builder/?playbook=reading-circle&age=running&stage=shared&add=dead-group")
    page.wait_for_function("!document.querySelector('[aria-busy=\"true\"]') && document.querySelector('.cp-builder h3')")
    text = words(pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))))
    assert f"Remedy: {dead.title.get('en')}" in text
    for step in dead.remedy:
        assert flat(step.get("en")) in text
    assert "Moving on from" in text
    for chrome in ("Add a pitfall's remedy", "Before launch"):
        assert chrome not in text, chrome
    page.emulate_media(media="print")
    assert not page.locator(".cp-remove").is_visible()  # the remove button stays on screen


def test_a_kit_is_printed_again_only_when_what_it_is_printed_from_changed(fixture_site, tmp_path):
    """The second build copies each kit from the cache; a changed stylesheet prints them again,
    and the PDF shows the change."""
    import shutil
    from concurrent.futures import ThreadPoolExecutor

    from community_playbooks.adapters.printing import print_launch_kits
    from community_playbooks.content.loader import load_library

    def print_kits(site):  # in a thread of its own: this process may drive Chromium already
        with ThreadPoolExecutor(1) as thread:
            return thread.submit(print_launch_kits, library, site, cache_dir=cache).result()

    library = load_library(fixture_site.parent)
    cache = tmp_path / "cache"
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        shutil.copytree(fixture_site, site)
    kits = print_kits(first)
    assert kits and all(kit.read_bytes()[:5] == b"%PDF-" for kit in kits)
    print_kits(second)
    for kit in kits:  # a PDF holds the time it was printed: the same bytes were not printed again
        assert (second / kit.relative_to(first)).read_bytes() == kit.read_bytes()

    stylesheet = second / "assets" / "stylesheets" / "playbooks.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n@media print { body::before { content: 'Restyled'; } }\n",
                          encoding="utf-8")
    for kit in print_kits(second):
        assert "Restyled" in page_text(pypdf.PdfReader(kit).pages[0]), kit
