"""Controls sized for a thumb on a 390 px phone, on every type of page in both languages.

Every button, select and field in the content is at least 44 px tall (a checkbox counts by
the label a reader taps), with at least 8 px between it and its neighbours; rows that are
links (the page's contents, lists of related entries, Suggest an edit and Report a problem) are at
least 44 px tall.
"""

from __future__ import annotations

import pytest

from ..conftest import PHONE, guarded_tab, settled

pytestmark = pytest.mark.browser

PAGES = ["", "playbooks/", "playbooks/reading-circle/", "playbooks/reading-circle/kit/", "pitfalls/dead-group/",
         "rituals/weekly-digest/", "stages/shared/", "guides/health-check/", "platforms/wechat/",
         "tools/symptom-finder/", "tools/checklist-builder/?playbook=reading-circle", "tools/compare/?p=reading-circle",
         "tags/", "checklists/", "reference/playbook/",
         # the Propose form, empty (a playbook) and filled with the longest entry for an edit
         "propose/", "propose/?edit=playbooks/reading-circle"]
MIN_HEIGHT, MIN_GAP = 44, 8

MEASURE = """([minHeight, minGap]) => {
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 &&
    getComputedStyle(el).visibility !== "hidden"; };
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ?
    "." + el.className.split(" ")[0] : "") + " '" + (el.textContent || el.value || "").trim().slice(0, 24) + "'";
  const content = document.querySelector(".md-content");
  // what a thumb taps: a checkbox by its label, everything else by itself
  const controls = [...content.querySelectorAll("button, select, input, textarea, a.md-button, summary")]
    .map((el) => el.matches("input[type=checkbox], input[type=radio]") ? (el.closest("label") || el) : el)
    .filter((el, i, all) => all.indexOf(el) === i && visible(el) && !el.closest("[hidden], .md-typeset details:not([open]) > :not(summary)"));
  const rows = [...content.querySelectorAll(".cp-onpage a, .cp-links li, .cp-improve a")].filter(visible);
  const small = [...controls, ...rows].map((el) => [el, el.getBoundingClientRect()])
    .filter(([el, r]) => r.height < minHeight - 0.5).map(([el, r]) => name(el) + " is " + Math.round(r.height) + " px tall");
  const close = [];
  // a bar that stays on screen (sticky or fixed) floats over what scrolls beneath it, by design
  const floating = (el) => { for (let n = el; n && n !== content; n = n.parentElement) {
    if (["sticky", "fixed"].includes(getComputedStyle(n).position)) return true; } return false; };
  const boxes = controls.filter((el) => !floating(el)).map((el) => [el, el.getBoundingClientRect()]);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra] = boxes[i], [b, rb] = boxes[j];
    if (a.contains(b) || b.contains(a)) continue;
    const dx = Math.max(ra.left, rb.left) - Math.min(ra.right, rb.right);
    const dy = Math.max(ra.top, rb.top) - Math.min(ra.bottom, rb.bottom);
    // side by side (rows overlap) or one above the other (columns overlap), too near
    if ((dy < 0 && dx < minGap - 0.5) || (dx < 0 && dy < minGap - 0.5))
      close.push(name(a) + " and " + name(b) + " are " + Math.round(Math.max(dx, dy)) + " px apart");
  }
  return {count: controls.length + rows.length, problems: [...small, ...close].slice(0, 40)};
}"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_control_is_big_enough_for_a_thumb_and_apart_from_the_next(browser, real_server, lang):
    found, counted = {}, 0
    with guarded_tab(browser, **PHONE) as tab:
        for path in PAGES:
            tab.goto(f"{real_server}{'' if lang == 'en' else '/zh'}/{path}")
            settled(tab)
            tab.locator("details.cp-onpage summary").first.click() if tab.locator("details.cp-onpage").count() else None
            result = tab.evaluate(MEASURE, [MIN_HEIGHT, MIN_GAP])
            counted += result["count"]
            if result["problems"]:
                found[path] = result["problems"]
    assert not found, found
    assert counted > 200
