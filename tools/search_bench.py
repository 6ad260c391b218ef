"""Benchmark: what search costs a reader, at the shipped size and at N playbooks, and how well it finds.

Builds the shipped site and one with N synthetic playbooks (`tools/bench.py` makes them), serves
each gzip-compressed from 127.0.0.1 as GitHub Pages does, and in Chromium, for each language:

- a first visit to a playbook page: the bytes every response transferred (no search request);
- opening search and typing two words ("sales group", "卖货群"): the bytes of the search's files
  (Pagefind's code and index, and the index's words the page script reads a query with), and the
  milliseconds from the last key to the results on screen;
- a query nothing matches: the bytes it adds (the entries' titles, to offer the closest).

It also runs the relevance set (tests/site/search_queries.yaml) on the shipped site and prints the
share of each language's queries that find every entry they expect among the first three.
With --write it puts both on the "Speed and quality" page (docs/*/quality.md). Bytes are the
budgets `make test` enforces at the shipped size; timings come from this run only.

    python tools/search_bench.py                 # shipped and N = 1000
    python tools/search_bench.py --sizes 300 --write
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.site.relevance import GOAL, relevance_set, run_set, share  # noqa: E402
from tests.static_server import serve  # noqa: E402
from tests.site.test_site_quality import FIRST_SEARCH_BUDGET, FIRST_VISIT_BUDGET  # noqa: E402
from tools.bench import ENV, PLAYBOOKS, _between, machine, synthetic_project  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
PAGES = {"en": ROOT / "docs" / "en" / "quality.md", "zh": ROOT / "docs" / "zh" / "quality.md"}
BEGIN, END = "<!-- search:begin -->", "<!-- search:end -->"
QUERIES = {"en": ("sales group", "xqzzv"), "zh": ("卖货群", "囧囧")}  # two words; one nothing matches


@dataclass(frozen=True)
class Costs:
    visit: int  # bytes of a first visit to a playbook page
    search: int  # bytes of opening search and typing two words
    milliseconds: float  # from the last key to the results on screen
    nothing: int  # bytes a query nothing matches adds


def build(project: Path, site: Path) -> None:
    subprocess.run([str(PLAYBOOKS), "--root", str(project), "build", "--out", str(site)], cwd=project,
                   env={**ENV, "CP_CACHE_DIR": str(site.parent / f"{site.name}-cache")}, check=True,
                   stdout=subprocess.DEVNULL)


def costs(browser, url: str, lang: str, playbook: str) -> Costs:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    sizes: dict[str, int] = {}
    pending: set = set()
    page.on("request", lambda request: pending.add(request))
    page.on("requestfailed", lambda request: pending.discard(request))

    def finished(request) -> None:  # noqa: ANN001 - Playwright's request
        sizes[request.url] = request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
        pending.discard(request)

    page.on("requestfinished", finished)

    def settled() -> None:
        """Every request the page made has finished, and none followed for half a second (the load
        state "networkidle" is reached once per page, not once per search)."""
        quiet = 0
        while quiet < 5:
            page.wait_for_timeout(100)
            quiet = quiet + 1 if not pending else 0
    prefix = "" if lang == "en" else f"/{lang}"
    page.goto(f"{url}{prefix}/playbooks/{playbook}/")
    page.wait_for_load_state("networkidle")
    settled()
    visit = dict(sizes)
    page.locator(".cp-search-open").click()
    found, nothing = QUERIES[lang]
    start = time.perf_counter()
    page.locator(".cp-search__input").fill(found)
    page.locator(".cp-search__input").press("Enter")
    page.wait_for_function("q => document.querySelector('.cp-search__results').dataset.cpQuery === q", arg=found)
    milliseconds = (time.perf_counter() - start) * 1000
    settled()
    searched = {u: s for u, s in sizes.items() if u not in visit}
    assert all("/pagefind/" in u for u in searched), searched
    before = dict(sizes)
    page.locator(".cp-search__input").fill(nothing)
    page.locator(".cp-search__input").press("Enter")
    page.wait_for_function("q => document.querySelector('.cp-search__results').dataset.cpQuery === q", arg=nothing)
    settled()
    added = sum(s for u, s in sizes.items() if u not in before)
    print(f"  {lang}: a query nothing matches fetched {sorted(u.split('/pagefind/')[-1] for u in sizes if u not in before)}",
          flush=True)
    context.close()
    return Costs(sum(visit.values()), sum(searched.values()), milliseconds, added)


def measure(site: Path, playbook: str) -> dict[str, Costs]:
    from playwright.sync_api import sync_playwright

    url, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            result = {lang: costs(browser, url, lang, playbook) for lang in ("en", "zh")}
            browser.close()
        return result
    finally:
        server.shutdown()


def relevance(site: Path) -> dict[str, tuple[int, int]]:
    from playwright.sync_api import sync_playwright

    url, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            found = {}
            for lang, queries in relevance_set().items():
                outcomes = run_set(browser.new_page(), url, lang, queries)
                found[lang] = (sum(o.passed for o in outcomes), len(outcomes))
                for o in outcomes:
                    if not o.passed:
                        print(f"  missed ({lang}) {o.query!r}: wanted {' '.join(o.expected)}; got {' | '.join(o.found[:3])}")
            browser.close()
        return found
    finally:
        server.shutdown()


ROWS = {
    "en": ("A first visit to a playbook page (KB)", "Opening search and typing two words (KB)",
           "From the last key to the results on screen (ms)", "A query nothing matches adds (KB)"),
    "zh": ("首次打开一本手册的页面（KB）", "打开搜索并输入两个词（KB）", "从最后一次按键到结果出现（毫秒）", "什么都没搜到的查询另加（KB）"),
}
HEAD = {"en": "| English / Chinese | {sizes} | Budget |", "zh": "| 英文 / 中文 | {sizes} | 预算 |"}
SIZE = {"en": ("N = {n:,} (shipped)", "N = {n:,}", "{n:,} ÷ {shipped:,}"),
        "zh": ("{n:,} 本（现有）", "{n:,} 本", "{n:,} 本 ÷ {shipped:,} 本")}
SHARES = {"en": "The relevance set: {en_passed} of {en_total} English queries ({en_share:.0%}) and {zh_passed} of "
                "{zh_total} Chinese ones ({zh_share:.0%}) find every entry they expect among the first three "
                "(goal: {goal:.0%} in each language).",
          "zh": "相关性测试集：{en_total} 条英文查询中有 {en_passed} 条（{en_share:.0%}），{zh_total} 条中文查询中有 "
                "{zh_passed} 条（{zh_share:.0%}），前三个结果里包含了预期的全部条目（目标：每种语言 {goal:.0%}）。"}
MEASURED = {"en": "Measured on {day} on {machine}.", "zh": "测量于 {day}，机器：{machine}。"}


def table(measured: dict[int, dict[str, Costs]], shipped: int, lang: str) -> str:
    """The costs at each size side by side, each size's beside the shipped one's as a ratio, and the
    budget `make test` holds the shipped size to."""
    larger = [n for n in measured if n != shipped]
    names = ([SIZE[lang][0 if n == shipped else 1].format(n=n) for n in measured]
             + [SIZE[lang][2].format(n=n, shipped=shipped) for n in larger])
    lines = [HEAD[lang].format(sizes=" | ".join(names)), "|---|" + "---:|" * (len(names) + 1)]
    fields = (("visit", 1000, FIRST_VISIT_BUDGET), ("search", 1000, FIRST_SEARCH_BUDGET), ("milliseconds", 1, None),
              ("nothing", 1000, None))
    for label, (field, unit, budget) in zip(ROWS[lang], fields):
        def value(n: int, code: str) -> float:
            return getattr(measured[n][code], field) / unit
        cells = [" / ".join(f"{value(n, code):.0f}" for code in ("en", "zh")) for n in measured]
        cells += [" / ".join(f"{value(n, code) / max(value(shipped, code), 1e-9):.2f}" for code in ("en", "zh"))
                  for n in larger]
        cells.append(f"{budget / 1000:.0f}" if budget else "–")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def shares_text(found: dict[str, tuple[int, int]], lang: str) -> str:
    (en_passed, en_total), (zh_passed, zh_total) = found["en"], found["zh"]
    return SHARES[lang].format(en_passed=en_passed, en_total=en_total, en_share=en_passed / en_total,
                               zh_passed=zh_passed, zh_total=zh_total, zh_share=zh_passed / zh_total, goal=GOAL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000], help="synthetic library sizes to measure")
    parser.add_argument("--write", action="store_true", help="put the results on docs/*/quality.md")
    args = parser.parse_args(argv)
    shipped = len(list((ROOT / "playbooks").glob("*.yaml")))
    playbooks = sorted(p.stem for p in (ROOT / "playbooks").glob("*.yaml"))
    measured: dict[int, dict[str, Costs]] = {}
    with tempfile.TemporaryDirectory(prefix="cp-search-bench-") as tmp:
        work = Path(tmp)
        print(f"Machine: {machine()}", flush=True)
        build(ROOT, work / "shipped-site")
        measured[shipped] = measure(work / "shipped-site", "reading-circle")
        found = relevance(work / "shipped-site")
        for n in args.sizes:
            project = synthetic_project(work / f"n{n}", n)
            build(project, work / f"n{n}-site")
            copy = f"reading-circle-{playbooks.index('reading-circle'):04d}"  # a copy of the same playbook
            measured[n] = measure(work / f"n{n}-site", copy)
    print("\n" + table(measured, shipped, "en") + "\n\n" + shares_text(found, "en"))
    if args.write:
        for lang, path in PAGES.items():
            stamp = MEASURED[lang].format(day=date.today().isoformat(), machine=machine())
            text = f"{stamp}\n\n{table(measured, shipped, lang)}\n\n{shares_text(found, lang)}"
            path.write_text(_between(path.read_text(encoding="utf-8"), BEGIN, END, text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
