"""Benchmark: what a phone reader gets, measured by Lighthouse, beside a stock Material page.

Builds the shipped site and one with N synthetic playbooks (`tools/bench.py` makes them),
and a one-page site of stock Material for MkDocs, serves each gzip-compressed from
127.0.0.1 as GitHub Pages would, and runs Lighthouse (mobile emulation, the machine's
Chromium) on the home page, a playbook, a pitfall and the symptom finder of each, and on
the stock page, all in one run on the same machine. It prints the performance score, LCP,
TBT, CLS and the bytes each page transfers on a first visit, then how much more a first
visit costs at N than at the shipped size. Nothing here is a pass/fail test.

    python tools/bench_web.py                  # shipped and N = 1000
    python tools/bench_web.py --sizes 300 --write
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.static_server import serve  # noqa: E402
from tools.bench import ENV, PLAYBOOKS, _between, machine, synthetic_project  # noqa: E402

LIGHTHOUSE = ROOT / "tools" / "bench-web" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {"home": "", "playbook": "playbooks/{playbook}/", "pitfall": "pitfalls/sales-group/",
         "symptom finder": "tools/symptom-finder/"}
DOCS = {"en": ROOT / "docs" / "en" / "quality.md", "zh": ROOT / "docs" / "zh" / "quality.md"}
BEGIN, END = "<!-- web:begin -->", "<!-- web:end -->"


@dataclass(frozen=True)
class Visit:
    site: str
    page: str
    score: float
    lcp_ms: float
    tbt_ms: float
    cls: float
    kilobytes: float


def lighthouse(url: str, site: str, page: str) -> Visit:
    """One Lighthouse run on ``url``: mobile emulation, simulated slow 4G and a 4x slower CPU."""
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", "--output-path=stdout", "--quiet",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    return Visit(site, page, report["categories"]["performance"]["score"],
                 audits["largest-contentful-paint"]["numericValue"], audits["total-blocking-time"]["numericValue"],
                 audits["cumulative-layout-shift"]["numericValue"], audits["total-byte-weight"]["numericValue"] / 1024)


def build(project: Path, site: Path) -> None:
    subprocess.run([str(PLAYBOOKS), "--root", str(project), "build", "--out", str(site)], cwd=project,
                   env={**ENV, "CP_CACHE_DIR": str(site.parent / f"{site.name}-cache")}, check=True,
                   stdout=subprocess.DEVNULL)


def stock_material(work: Path) -> Path:
    """One page of stock Material for MkDocs, its search included: what the theme alone costs."""
    project = work / "stock"
    (project / "docs").mkdir(parents=True)
    # a hand-written page of ours, with no macros: text, headings and lists, as a typical page has
    text = (ROOT / "docs" / "en" / "checklists.md").read_text(encoding="utf-8")
    (project / "docs" / "index.md").write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: Stock Material\ntheme:\n  name: material\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "stock-site")], cwd=project,
                   env=ENV, check=True)
    return work / "stock-site"


def measure_site(site: Path, name: str, playbook: str) -> list[Visit]:
    url, server = serve(site)
    try:
        return [lighthouse(f"{url}/{path.format(playbook=playbook)}", name, page) for page, path in PAGES.items()]
    finally:
        server.shutdown()


HEADERS = {"en": ("site", "page", "performance", "LCP (s)", "TBT (ms)", "CLS", "first visit (KB, gzip)"),
           "zh": ("站点", "页面", "性能得分", "LCP（秒）", "TBT（毫秒）", "CLS", "首次访问（KB，gzip）")}
PAGE_NAMES = {"zh": {"home": "首页", "playbook": "手册", "pitfall": "坑", "symptom finder": "症状自查", "stock page": "原版页面"}}
MEASURED = {"en": "Measured on {day} on {machine} with Lighthouse {version}, mobile emulation.",
            "zh": "测量于 {day}，机器：{machine}；Lighthouse {version}，模拟手机。"}
GROWTH = {"en": "A first visit at N = {n:,} transfers {ratio:.2f}× the bytes of one at the shipped size ({shipped}), "
                "averaged over the four pages.",
          "zh": "{n:,} 本手册时，首次访问传输的字节数是现有规模（{shipped} 本）的 {ratio:.2f} 倍（四个页面的平均）。"}


def table(visits: list[Visit], lang: str = "en") -> str:
    names = PAGE_NAMES.get(lang, {})
    lines = ["| " + " | ".join(HEADERS[lang]) + " |", "|---|---|" + "---:|" * (len(HEADERS[lang]) - 2)]
    for v in visits:
        lines.append(f"| {v.site} | {names.get(v.page, v.page)} | {v.score:.2f} | {v.lcp_ms / 1000:.1f} | "
                     f"{v.tbt_ms:.0f} | {v.cls:.3f} | {v.kilobytes:.0f} |")
    return "\n".join(lines)


def growth(visits: list[Visit], shipped: int, n: int) -> float:
    def mean(site: str) -> float:
        chosen = [v.kilobytes for v in visits if v.site == site]
        return sum(chosen) / len(chosen)
    return mean(f"N = {n:,}") / mean(f"N = {shipped} (shipped)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000], help="synthetic library sizes to measure")
    parser.add_argument("--write", action="store_true", help="put the table on docs/*/quality.md")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `make bench-web`, which installs it into tools/bench-web/")
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    shipped = len(list((ROOT / "playbooks").glob("*.yaml")))
    first = sorted((ROOT / "playbooks").glob("*.yaml"))[0].stem
    visits: list[Visit] = []
    with tempfile.TemporaryDirectory(prefix="cp-bench-web-") as tmp:
        work = Path(tmp)
        stock = stock_material(work)
        url, server = serve(stock)
        try:
            visits.append(lighthouse(f"{url}/", "stock Material", "stock page"))
        finally:
            server.shutdown()
        build(ROOT, work / "shipped-site")
        visits += measure_site(work / "shipped-site", f"N = {shipped} (shipped)", "reading-circle")
        print(table(visits), flush=True)
        for n in args.sizes:
            build(synthetic_project(work / f"n{n}", n), work / f"n{n}-site")
            visits += measure_site(work / f"n{n}-site", f"N = {n:,}", f"{first}-0000")
    print("\n" + table(visits))
    notes = [GROWTH["en"].format(n=n, shipped=shipped, ratio=growth(visits, shipped, n)) for n in args.sizes]
    print("\n" + "\n".join(notes))
    if args.write:
        for lang, path in DOCS.items():
            stamp = MEASURED[lang].format(day=date.today().isoformat(), machine=machine(), version=version)
            lines = [GROWTH[lang].format(n=n, shipped=shipped, ratio=growth(visits, shipped, n)) for n in args.sizes]
            text = f"{stamp}\n\n{table(visits, lang)}\n\n" + "\n".join(lines)
            path.write_text(_between(path.read_text(encoding="utf-8"), BEGIN, END, text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
