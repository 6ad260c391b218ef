"""axe-core, injected into real Chromium, on the pages people use most, in both languages."""

from __future__ import annotations

import json

import pytest

from ..conftest import PHONE, ROOT, guarded_tab, settled

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "playbooks/", "playbooks/reading-circle/", "pitfalls/dead-group/", "tools/symptom-finder/",
         "tools/compare/?p=reading-circle&p=gaming-guild", "tools/checklist-builder/?playbook=course-cohort",
         "playbooks/reading-circle/kit/"]


SIZES = {"desktop": {"viewport": {"width": 1280, "height": 900}}, "phone": PHONE}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violations(browser, real_server, lang, path, size):
    """At both sizes: a phone gets another layout (cards, drawer, sticky bars), so it is checked too."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make does)")
    prefix = "" if lang == "en" else "/zh"
    with guarded_tab(browser, **SIZES[size]) as page:
        page.goto(f"{real_server}{prefix}/{path}")
        settled(page)
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        found = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    bad = [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
           for v in found if v["impact"] in ("serious", "critical")]
    assert not bad, json.dumps(bad, indent=1)
