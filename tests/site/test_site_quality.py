"""The built site as a whole: links and anchors, valid HTML, page weight, other builders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from ..conftest import ROOT, search
from .sitecheck import check_site

pytestmark = pytest.mark.build

SITE_PATH = urlsplit(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
                     ["site_url"]).path


def test_every_internal_link_and_anchor_resolves_in_both_languages(real_site):
    checked, broken = check_site(real_site, SITE_PATH)
    assert checked > 5000  # the theme's links, the entries' cross-links, the tools' raw HTML
    assert not broken, "\n".join(map(str, broken[:40]))


def test_the_link_check_catches_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#here">ok</a> <a href="a/#gone">x</a> <a href="b/">y</a>'
                                         '<a href="https://example.org/">other host</a>'
                                         '<a href=" JavaScript:alert(1)">z</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2><a href="../#top">z</a>', encoding="utf-8")
    checked, broken = check_site(tmp_path)
    assert checked == 4
    assert sorted(map(str, broken)) == ["a/index.html: ../#top (no id 'top' on index.html)",
                                        "index.html:  JavaScript:alert(1) (runs script or embeds data)",
                                        "index.html: a/#gone (no id 'gone' on a/index.html)",
                                        "index.html: b/ (no such file)"]


# --- valid HTML ---------------------------------------------------------------------------------

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Messages caused by mkdocs-material's own templates, which this project does not change.
# Each is matched on the message and on the markup it points at, so the same message
# raised by our templates or CSS still fails the test.
THEME_MESSAGES = [
    # the drawer and search toggles are hidden checkboxes with autocomplete="off", which
    # Material sets so that Firefox does not restore their state after a reload
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # navigation section labels get tabindex="" when they are not focusable
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link'),
    # the table of contents' title is a label for the hidden toggle of the mobile drawer
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     'for="__toc"'),
]


def theme_caused(message: dict) -> bool:
    return any(message["message"].startswith(text) and markup in message.get("extract", "")
               for text, markup in THEME_MESSAGES)


def test_pages_are_valid_html(real_site):
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make does)")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                             str(real_site)], capture_output=True, text=True)
    messages = json.loads(result.stderr)["messages"]
    ours = [f"{m['url'].split(str(real_site))[-1]}:{m.get('lastLine')}: {m['message']}\n    {m.get('extract', '')}"
            for m in messages if not theme_caused(m)]
    assert not ours, "\n".join(ours[:20])


# --- other builders ---------------------------------------------------------------------------------

def test_properdocs_builds_the_site_strictly(tmp_path):
    properdocs = Path(sys.executable).parent / "properdocs"
    for config, out in (("mkdocs.yml", tmp_path / "site"), ("mkdocs.zh.yml", tmp_path / "site" / "zh")):
        result = subprocess.run([str(properdocs), "build", "--strict", "-f", str(ROOT / config), "-d", str(out)],
                                capture_output=True, text=True, cwd=ROOT,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "zh" / "playbooks" / "reading-circle" / "index.html").read_text(encoding="utf-8")
    assert 'class="cp-check"' in page and '<html lang="zh"' in page


# --- page weight --------------------------------------------------------------------------------

# What a visitor's phone downloads, compressed as GitHub Pages serves it. Neither grows with
# the library: the page does not list it, and search fetches only the index fragments of the
# words typed. docs/en/quality.md gives the numbers at 13 and at 1,000 playbooks.
FIRST_VISIT_BUDGET = 150_000  # a playbook page: HTML, the theme's CSS and JS, ours, the favicon
FIRST_SEARCH_BUDGET = 250_000  # opening search and typing two words: Pagefind's code and index fragments


@pytest.mark.browser
@pytest.mark.parametrize("lang, query", [("en", "sales group"), ("zh", "卖货群")])
def test_a_first_visit_and_a_first_search_stay_within_their_budgets(page, real_server, lang, query):
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]
                                                           + r.sizes()["responseHeadersSize"]))
    prefix = "" if lang == "en" else "/zh"
    page.goto(f"{real_server}{prefix}/playbooks/reading-circle/")
    page.wait_for_load_state("networkidle")
    # the browser asks for the page's icon when it gets round to it, on a busy machine after
    # the network has gone quiet: it belongs to the visit, not to the search that follows
    icon = page.evaluate("document.querySelector('link[rel=icon]').href")
    if icon not in sizes:
        page.wait_for_event("requestfinished", lambda request: request.url == icon)
    first_visit = dict(sizes)
    assert not [url for url in first_visit if "/pagefind/" in url], "a visitor who does not search downloads no index"
    assert sum(first_visit.values()) <= FIRST_VISIT_BUDGET, sorted(first_visit.items(), key=lambda kv: -kv[1])
    assert not [url for url in first_visit if url.endswith((".woff", ".woff2", ".ttf", ".otf"))]  # system fonts only

    assert search(page, query) is not None
    page.wait_for_load_state("networkidle")
    searched = {url: size for url, size in sizes.items() if url not in first_visit}
    assert searched and all("/pagefind/" in url for url in searched), searched
    assert sum(searched.values()) <= FIRST_SEARCH_BUDGET, sorted(searched.items(), key=lambda kv: -kv[1])
    # what keeps it flat as the library grows: the index's chunks for the words typed, a couple each,
    # never the whole index (which a search by the kind filter alone would fetch)
    chunks = [url for url in searched if url.endswith(".pf_index")]
    assert 0 < len(chunks) <= 4, chunks
