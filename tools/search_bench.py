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
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.site.relevance import GOAL, relevance_set, run_set, share  # noqa: E402
from tests.static_server import serve  # noqa: E402
from tools.bench import ENV, PLAYBOOKS, _between, machine, synthetic_project, vocabulary  # noqa: E402

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


def own_words(project: Path) -> Path:
    """The synthetic copies with chat texts and summary openings of their own: the rule book refuses
    copies that share them (no template voice). Chat texts are not searched, and a summary keeps
    all but its first three words, so the index holds what it would."""
    english, chinese = vocabulary(sorted((ROOT / "playbooks").glob("*.yaml")))
    for i, path in enumerate(sorted((project / "playbooks").glob("*-[0-9][0-9][0-9][0-9].yaml"))):
        pick = random.Random(i)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for message in data.get("messages", {}).values():
            message["en"] = " ".join(pick.sample(english, 14)).capitalize() + "."
            message["zh"] = "".join(pick.sample(chinese, 24)) + "。"
        summary = pick.sample(english, 3) + data["summary"]["en"].split()[3:]
        while len(" ".join(summary)) > 300:  # within the bounds of a summary
            summary.pop()
        data["summary"]["en"] = " ".join(summary)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return project


def build(project: Path, site: Path) -> None:
    subprocess.run([str(PLAYBOOKS), "--root", str(project), "build", "--out", str(site)], cwd=project,
                   env={**ENV, "CP_CACHE_DIR": str(site.parent / f"{site.name}-cache")}, check=True,
                   stdout=subprocess.DEVNULL)


def costs(browser, url: str, lang: str, playbook: str) -> Costs:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]
                                                           + r.sizes()["responseHeadersSize"]))
    prefix = "" if lang == "en" else f"/{lang}"
    page.goto(f"{url}{prefix}/playbooks/{playbook}/")
    page.wait_for_load_state("networkidle")
    visit = dict(sizes)
    page.locator(".cp-search-open").click()
    found, nothing = QUERIES[lang]
    start = time.perf_counter()
    page.locator(".cp-search__input").fill(found)
    page.locator(".cp-search__input").press("Enter")
    page.wait_for_function("q => document.querySelector('.cp-search__results').dataset.cpQuery === q", arg=found)
    milliseconds = (time.perf_counter() - start) * 1000
    page.wait_for_load_state("networkidle")
    searched = {u: s for u, s in sizes.items() if u not in visit}
    assert all("/pagefind/" in u for u in searched), searched
    before = dict(sizes)
    page.locator(".cp-search__input").fill(nothing)
    page.locator(".cp-search__input").press("Enter")
    page.wait_for_function("q => document.querySelector('.cp-search__results').dataset.cpQuery === q", arg=nothing)
    page.wait_for_load_state("networkidle")
    added = sum(s for u, s in sizes.items() if u not in before)
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
HEAD = {"en": "| English / Chinese | {sizes} |", "zh": "| 英文 / 中文 | {sizes} |"}
SIZE = {"en": ("N = {n:,} (shipped)", "N = {n:,}"), "zh": ("{n:,} 本（现有）", "{n:,} 本")}
SHARES = {"en": "The relevance set: {en_passed} of {en_total} English queries ({en_share:.0%}) and {zh_passed} of "
                "{zh_total} Chinese ones ({zh_share:.0%}) find every entry they expect among the first three "
                "(goal: {goal:.0%} in each language).",
          "zh": "相关性测试集：{en_total} 条英文查询中有 {en_passed} 条（{en_share:.0%}），{zh_total} 条中文查询中有 "
                "{zh_passed} 条（{zh_share:.0%}），前三个结果里包含了预期的全部条目（目标：每种语言 {goal:.0%}）。"}
MEASURED = {"en": "Measured on {day} on {machine}.", "zh": "测量于 {day}，机器：{machine}。"}


def table(measured: dict[int, dict[str, Costs]], shipped: int, lang: str) -> str:
    names = [SIZE[lang][0 if n == shipped else 1].format(n=n) for n in measured]
    lines = [HEAD[lang].format(sizes=" | ".join(names)), "|---|" + "---:|" * len(names)]
    fields = (("visit", 1024), ("search", 1024), ("milliseconds", 1), ("nothing", 1024))
    for label, (field, unit) in zip(ROWS[lang], fields):
        cells = [" / ".join(f"{getattr(by_lang[code], field) / unit:.0f}" for code in ("en", "zh"))
                 for by_lang in measured.values()]
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
            project = own_words(synthetic_project(work / f"n{n}", n))
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
