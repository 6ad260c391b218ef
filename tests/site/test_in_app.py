"""The site in the browsers our readers use: inside WeChat, at 390x844, by touch.

WeChat's browser (and QQ's, DingTalk's, Weibo's, Alipay's, Feishu's) opens no downloads and
cannot print; some versions have no Clipboard API and no Web Share; privacy settings refuse
storage; older engines lack `<dialog>`. Every action is driven in each of those browsers:
it works, or it tells the reader what to do, and our script raises no error. The script is
also checked to parse on the oldest engines these readers have (Chromium 78, Safari 13).
"""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import expect

from community_playbooks.render.strings import t

from ..conftest import PHONE, ROOT, guarded_tab, settled

pytestmark = pytest.mark.browser

WECHAT = ("Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2365 "
          "MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64")
# what each browser lacks, taken away before any script of the page runs
LACKS = {
    "no clipboard, no share": """
        Object.defineProperty(Navigator.prototype, "clipboard", {get: () => undefined});
        Object.defineProperty(Navigator.prototype, "share", {get: () => undefined});
        document.execCommand = () => false;""",
    "storage refused": """
        for (const name of ["localStorage", "sessionStorage"])
          Object.defineProperty(window, name, {get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});""",
    "no dialog": """
        delete HTMLDialogElement.prototype.showModal;
        delete HTMLDialogElement.prototype.show;
        delete HTMLDialogElement.prototype.close;""",
}
# what the page asks of the system, recorded instead (a share sheet, a print dialog)
RECORDED = """
    window.__printed = 0; window.print = () => { window.__printed += 1; };
    if (navigator.share) navigator.share = (data) => { window.__shared = data.url; return Promise.resolve(); };"""


SCRIPTS = ("playbooks.js", "propose.js")


def ours(error) -> bool:
    return any(script in (error.stack or "") for script in SCRIPTS)


@pytest.fixture
def wechat(browser, request):
    """A WeChat tab lacking what ``request.param`` names; fails its test on an error of our script."""
    with guarded_tab(browser, **PHONE, user_agent=WECHAT, locale="zh-CN",
                     permissions=["clipboard-read", "clipboard-write"]) as tab:
        tab.add_init_script(LACKS[request.param] + RECORDED)
        errors, downloads = [], []
        tab.on("pageerror", lambda error: errors.append(error))
        tab.on("download", lambda download: downloads.append(download))
        yield tab, request.param
        assert not [e for e in errors if ours(e)], [e.stack for e in errors if ours(e)]
        assert not downloads, [d.url for d in downloads]


def told(tab, text: str) -> None:
    """The page says ``text`` beside a control, where the reader is looking."""
    shown = tab.locator(".cp-note:visible", has_text=text)
    expect(shown).to_have_count(1)
    assert shown.evaluate("n => { const r = n.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }")


@pytest.mark.parametrize("wechat", list(LACKS), indirect=True)
def test_every_action_works_or_says_what_to_do(wechat, real_server):
    tab, lacks = wechat
    tab.goto(f"{real_server}/zh/playbooks/reading-circle/")
    settled(tab)
    hint = t("ui_open_in_browser_wechat", "zh")

    # tick, clear and undo
    first = tab.locator("input.cp-check").first
    first.check()
    expect(first).to_be_checked()
    progress = tab.locator("p.cp-progress").first
    expect(progress).to_contain_text("1 /")
    if lacks == "storage refused":
        told(tab, t("ui_ticks_volatile", "zh"))
    tab.locator("button.cp-reset").first.click()
    expect(first).not_to_be_checked()
    tab.locator("button.cp-undo").click()
    expect(first).to_be_checked()

    # copy a text to paste
    copy = tab.locator(".cp-text:visible button.cp-copy").first
    copy.click()
    if lacks == "no clipboard, no share":  # selected, and the reader told how to copy it
        told(tab, t("ui_copy_select", "zh"))
        body = tab.locator(".cp-text:visible .cp-text__body").first.inner_text()
        assert tab.evaluate("getSelection().toString()").strip() == body.strip()
    else:
        expect(copy).to_contain_text(t("copied", "zh"))

    # share
    tab.locator("button.cp-share").first.click()
    if lacks == "no clipboard, no share":
        told(tab, t("ui_copy_link_select", "zh"))
        assert tab.evaluate("getSelection().toString()") == tab.url.split("#")[0]
    elif tab.evaluate("typeof navigator.share === 'function'"):  # the system's share sheet
        tab.wait_for_function("window.__shared === location.href.split('#')[0]")
    else:  # no share sheet here: the link is copied
        expect(tab.locator("button.cp-share").first).to_contain_text(t("link_copied", "zh"))

    # the calendar and the PDF kit are downloads WeChat opens nowhere: the reader is told where to go
    for link in ("a[href$='.ics']", "a[href$='.pdf']"):
        tab.locator(link).first.click()
        told(tab, hint)

    # the printable kit: the page opens; printing is what WeChat cannot do
    tab.goto(f"{real_server}/zh/playbooks/reading-circle/kit/")
    settled(tab)
    tab.locator("button.cp-print").first.click()
    told(tab, hint)
    assert tab.evaluate("window.__printed") == 0

    # search: Enter (the keyboard's Search key) runs it and keeps the results, dialog or not
    tab.goto(f"{real_server}/zh/")
    settled(tab)
    tab.locator(".cp-search-open").click()
    tab.locator(".cp-search__input").fill("死群")
    tab.locator(".cp-search__input").press("Enter")
    tab.wait_for_function("document.querySelector('.cp-search__results').dataset.cpQuery === '死群'")
    expect(tab.locator(".cp-search__result").first).to_be_visible()
    assert tab.locator(".cp-search__results").evaluate("list => list.children.length") > 0
    tab.locator(".cp-search__close").click()
    expect(tab.locator("#cp-search")).not_to_be_visible()

    # the tools
    tab.goto(f"{real_server}/zh/tools/symptom-finder/")
    settled(tab)
    tab.locator("details.cp-signs-group summary").first.click()
    tab.locator("input[name=sign]").first.check()
    expect(tab.locator("ol.cp-ranked > li:visible").first).to_be_visible()
    tab.goto(f"{real_server}/zh/tools/checklist-builder/?playbook=reading-circle")
    settled(tab)
    built = tab.locator(".cp-builder input.cp-check").first
    built.check()
    expect(built).to_be_checked()
    tab.goto(f"{real_server}/zh/tools/compare/?p=reading-circle&p=gaming-guild")
    settled(tab)
    expect(tab.locator("table.cp-compare-table")).to_be_visible()

    # the language switch keeps the page
    tab.locator(".md-header__option .md-select button").click()
    tab.locator("a[data-cp-language=en]").click()
    tab.wait_for_url(f"{real_server}/tools/compare/?p=reading-circle&p=gaming-guild")


def test_other_browsers_download_and_print_as_before(phone, real_server):
    phone.goto(f"{real_server}/playbooks/reading-circle/")
    settled(phone)
    with phone.expect_download() as download:
        phone.locator("a[href$='.ics']").first.click()
    assert download.value.suggested_filename.endswith(".ics")
    assert phone.locator(".cp-note").count() == 0


@pytest.mark.parametrize("app", ["QQ/9.0.85.600", "DingTalk/7.5.10", "Weibo (iPhone14,5__weibo__14.3.0)",
                                 "AlipayClient/10.5.86", "Lark/7.8.6"])
def test_other_apps_browsers_get_the_general_hint(browser, real_server, app):
    with guarded_tab(browser, **PHONE, user_agent=f"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) "
                     f"AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 {app}") as tab:
        tab.goto(f"{real_server}/playbooks/reading-circle/")
        settled(tab)
        tab.locator("a[href$='.pdf']").first.click()
        told(tab, t("ui_open_in_browser", "en"))


@pytest.mark.parametrize("wechat", list(LACKS), indirect=True)
def test_the_propose_form_works_or_says_what_to_do(wechat, real_server):
    """The Propose page in WeChat: a draft the browser will not keep is said to be at risk, a
    proposal to copy is selected for a long-press, and the YAML file, which WeChat cannot
    download, is said to need another browser."""
    tab, lacks = wechat
    tab.goto(f"{real_server}/zh/propose/?edit=playbooks/reading-circle")
    settled(tab)
    if lacks == "storage refused":
        expect(tab.locator(".cp-propose__status")).to_have_text(t("propose_no_storage", "zh"))
    else:
        expect(tab.locator(".cp-propose__status")).not_to_have_text(t("propose_no_storage", "zh"))
    copy = tab.locator(".cp-propose__copy")
    copy.click()
    if lacks == "no clipboard, no share":
        told(tab, t("propose_copy_select", "zh"))
        area = tab.locator("textarea.cp-propose__yaml")
        assert tab.evaluate("a => a.selectionStart === 0 && a.selectionEnd === a.value.length", area.element_handle())
    else:
        expect(copy).to_have_text(t("propose_copied", "zh"))
    tab.locator(".cp-propose__download").click()
    told(tab, t("propose_in_app", "zh"))


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_script_parses_on_the_oldest_engines_our_readers_have(script):
    """esbuild writes the script again for Chromium 78 and Safari 13 (older WeChat on Android,
    iOS 13): if anything had to be rewritten, the script uses syntax those engines lack."""
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    script = ROOT / "overrides" / "assets" / "javascripts" / script

    def lowered(target: str) -> str:
        result = subprocess.run([str(esbuild), str(script), f"--target={target}"], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert lowered("chrome78,safari13") == lowered("esnext")
    if script.name == "playbooks.js":  # the check can tell: its dynamic import is newer than Chromium 60
        assert lowered("chrome60") != lowered("esnext")
