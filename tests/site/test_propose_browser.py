"""The Propose page on a phone: the form made from the schemas, its checks as the reader types,
the draft, sending, and every shipped entry through the form and back."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from community_playbooks.content.loader import load_library
from community_playbooks.content.model import build_entry
from community_playbooks.content.proposals import FIELDS, PASTE_LINE, read_issue
from community_playbooks.content.yaml_reader import parse_document
from community_playbooks.render.api import source_data
from community_playbooks.render.strings import t

from ..conftest import PHONE, ROOT, guarded_tab, settled

pytestmark = pytest.mark.browser

ISSUES = "https://github.com/community-playbooks/community-playbooks/issues/new"


def issue_body(query: dict[str, str]) -> str:
    """What GitHub writes when the issue form is submitted as the URL filled it in."""
    parts = []
    for name, label in FIELDS:
        value = query.get(name, "")
        if name == "entry" and value:
            value = f"```yaml\n{value}\n```"
        parts.append(f"### {label}\n\n{value or '_No response_'}")
    return "\n\n".join(parts)


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
    return query, issue_body(query)


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
