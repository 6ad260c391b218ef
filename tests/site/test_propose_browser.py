"""The Propose page on a phone: the form made from the schemas, its checks as the reader types,
the draft, sending, and every shipped entry through the form and back."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from community_playbooks.content.loader import load_library
from community_playbooks.content.model import build_entry
from community_playbooks.content.proposals import PASTE_LINE, read_issue
from community_playbooks.content.yaml_reader import parse_document
from community_playbooks.render.api import source_data
from community_playbooks.render.strings import t

from ..conftest import PHONE, ROOT, guarded_tab, settled, submitted_issue

pytestmark = pytest.mark.browser

ISSUES = "https://github.com/community-playbooks/community-playbooks/issues/new"


def sent(tab, pasted_into_form: bool = True) -> tuple[dict[str, str], str]:
    """The issue the page opens: the fields of its URL, and the issue body as it is submitted
    (a proposal too long for the URL is pasted where the one line says, as the page tells)."""
    link = tab.locator("a.cp-propose__send-button, a.cp-propose__open").first
    href = link.get_attribute("href")
    assert href.startswith(ISSUES + "?") and len(href.encode()) <= 8000
    query = {key: values[0] for key, values in parse_qs(urlsplit(href).query, keep_blank_values=True).items()}
    assert query["template"] == "propose-an-entry.yml"
    if query["entry"] == PASTE_LINE:
        assert pasted_into_form
        query["entry"] = tab.locator("textarea.cp-propose__yaml").input_value()
    return query, submitted_issue(query)


def entries():
    library = load_library(ROOT)
    return library, [e for kind in ("playbook", "pitfall", "ritual", "guide") for e in library.entries(kind).values()]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_shipped_entry_goes_through_the_form_and_back_unchanged(browser, real_server, lang):
    """Suggest an edit on every entry: the form filled from the API, sent, read back from the
    issue as the workflow reads it, and loaded: the same entry, in both languages."""
    library, shipped = entries()
    prefix = "" if lang == "en" else "/zh"
    with guarded_tab(browser, **PHONE) as tab:
        errors = []
        tab.on("pageerror", lambda error: errors.append(error))
        tab.goto(f"{real_server}{prefix}/propose/?edit={shipped[0].section}/{shipped[0].id}")
        settled(tab)
        for entry in shipped:
            target = f"{entry.section}/{entry.id}"
            tab.evaluate("t => { history.pushState(null, '', '?edit=' + t); dispatchEvent(new PopStateEvent('popstate')); }",
                         target)
            tab.wait_for_function("t => { const s = document.querySelector('.cp-propose__send'); "
                                  "return s && s.dataset.cpFor === t; }", arg=target)
            problems = tab.locator(".cp-propose__problems li").all_inner_texts()
            assert not problems, (target, problems)
            query, body = sent(tab)
            assert (query["kind"], query["id"], query["change"]) == (entry.kind, entry.id, "edit")
            proposal = read_issue(body)
            assert proposal.path() == entry.file
            document = parse_document(proposal.file_text(), entry.file)
            assert document.data == source_data(entry), target
            assert build_entry(entry.kind, entry.id, entry.file, document.data) == entry, target
        assert not errors, [e.stack for e in errors]


def field(tab, path: str):
    """The control of a field by its path in the entry (title.zh, signs.0.zh)."""
    return tab.locator(f'[name="{path}"]')


def test_a_new_pitfall_typed_on_a_phone_in_chinese_only(phone, real_server):
    """A 团长 writes a pitfall in Chinese: each field says what it wants and what is wrong as
    they type, the draft survives closing the page, and the issue it opens holds the entry,
    marked for a translator into English."""
    from community_playbooks.content.validation import load_schemas

    phone.goto(f"{real_server}/zh/propose/")
    settled(phone)
    phone.locator("label[for=cp-propose-kind-pitfall]").tap()
    expect(phone.locator('[data-path="severity"] label')).to_contain_text("严重程度")
    phone.locator('[name="@id"]').fill("Bad Id")
    phone.locator('[name="@id"]').blur()
    expect(phone.locator("#cp-pf--id-problem")).to_have_text(t("propose_bad_id", "zh"))
    phone.locator('[name="@id"]').fill("dead-group")
    expect(phone.locator("#cp-pf--id-problem")).to_contain_text("已经有同样 id 的坑")
    phone.locator('[name="@id"]').fill("ask-no-reply")
    expect(phone.locator("#cp-pf--id-problem")).to_be_hidden()

    title = field(phone, "title.zh")
    title.fill("问")
    expect(phone.locator("#cp-pf-title-zh-problem")).to_have_text("太短：1 字，至少 2 字。")
    expect(phone.locator('[data-path="title"] .cp-pf__count')).to_have_text("1 字（2–20 字）")
    title.fill("提问没人回")
    expect(phone.locator("#cp-pf-title-zh-problem")).to_be_hidden()
    field(phone, "summary.zh").fill("群里有人提问，却迟迟没人回应；几次之后，大家就不再在群里问了。")
    phone.select_option('[name="severity"]', "medium")
    for name, text in (("signs", "新人的提问一天都没有回复"), ("causes", "大家以为总会有别人回答"),
                       ("prevention", "每天指定一位值日生回答提问"), ("remedy", "私下联系提问的人，补上回答")):
        field(phone, f"{name}.0.zh").fill(text)

    # closing the page loses nothing
    phone.wait_for_timeout(500)
    phone.reload()
    settled(phone)
    expect(phone.locator(".cp-propose__status")).to_have_text(t("propose_draft_back", "zh"))
    expect(field(phone, "title.zh")).to_have_value("提问没人回")
    expect(phone.locator('[name="@id"]')).to_have_value("ask-no-reply")

    expect(phone.locator(".cp-propose__count")).to_have_text(t("propose_ready", "zh"))
    expect(phone.locator(".cp-propose__send")).to_contain_text("只写了中文")
    query, body = sent(phone, pasted_into_form=False)
    assert (query["kind"], query["id"], query["change"]) == ("pitfall", "ask-no-reply", "new")
    proposal = read_issue(body)
    data = parse_document(proposal.file_text(), proposal.path()).data
    assert data["title"] == {"zh": "提问没人回"} and data["needs_translation"] == ["en"]
    assert data["signs"] == [{"zh": "新人的提问一天都没有回复"}] and data["severity"] == "medium"
    assert load_schemas().is_valid("pitfall", data)

    # the file, for those who make their own pull request
    with phone.expect_download() as download:
        phone.locator(".cp-propose__download").tap()
    assert download.value.suggested_filename == "ask-no-reply.yaml"
    assert open(download.value.path(), encoding="utf-8").read() == proposal.file_text()


def test_lists_add_remove_and_send_waits_for_the_problems(phone, real_server):
    phone.goto(f"{real_server}/propose/")
    settled(phone)
    phone.locator("label[for=cp-propose-kind-guide]").tap()
    steps = phone.locator('[data-path="steps"] > fieldset > .cp-pf__items > li')
    expect(steps).to_have_count(3)  # a guide has at least three steps: the form starts with them
    phone.locator('[data-path="steps"] > fieldset > .cp-pf__add').tap()
    expect(steps).to_have_count(4)
    expect(phone.locator('[name="steps.3.title.en"]')).to_be_focused()
    steps.nth(3).locator(".cp-pf__remove").last.tap()
    expect(steps).to_have_count(3)
    # nothing written yet: sending first shows every problem beside its field
    send = phone.locator(".cp-propose__send-button")
    expect(send).to_have_text(t("propose_send_blocked", "en"))
    assert send.get_attribute("href") is None
    send.tap()
    expect(phone.locator("#cp-pf-title-problem")).to_have_text(t("propose_required", "en"))
    expect(phone.locator('[name="@id"]')).to_be_focused()


def test_an_edit_too_long_for_a_link_is_copied_and_pasted(phone, real_server):
    phone.goto(f"{real_server}/propose/?edit=playbooks/reading-circle")
    settled(phone)
    expect(phone.locator(".cp-propose__editing")).to_contain_text("Reading circle")
    expect(phone.locator(".cp-propose__long")).to_have_text(t("propose_long", "en"))
    phone.locator(".cp-propose__copy").tap()
    expect(phone.locator(".cp-propose__copy")).to_have_text(t("propose_copied", "en"))
    copied = phone.evaluate("navigator.clipboard.readText()")
    query, _ = sent(phone)
    assert copied == query["entry"]
    href = phone.locator("a.cp-propose__open").get_attribute("href")
    assert parse_qs(urlsplit(href).query)["entry"] == [PASTE_LINE]


def test_a_form_only_opened_keeps_no_draft(phone, real_server):
    """Opening Suggest an edit and leaving it keeps nothing: the next visit shows the entry as it
    is then, not a copy of what it was; the first change is kept."""
    phone.goto(f"{real_server}/propose/?edit=pitfalls/dead-group")
    settled(phone)
    phone.wait_for_timeout(600)  # longer than the form waits before it keeps a draft
    assert phone.evaluate("Object.keys(localStorage).filter(k => k.startsWith('cp:propose:'))") == []
    expect(phone.locator(".cp-propose__status")).to_be_hidden()
    field(phone, "summary.en").fill("Changed by a reader who will come back to it later, with enough words here.")
    expect(phone.locator(".cp-propose__status")).to_have_text(t("propose_draft_kept", "en"))
    assert phone.evaluate("Object.keys(localStorage)").count("cp:propose:edit:pitfalls/dead-group") == 1
