"""Benchmark: how the build scales with the number of playbooks, against plain Material.

For each N it makes a project with N synthetic playbooks (copies of the shipped ones under
new ids, with the shipped pitfalls, rituals and stages), then builds, side by side in one
run on the same machine:

- full:  `make build` (`playbooks build`): both languages at once, one process each, with the
         playbooks plugin, macros, generated pages and the search index, swapped into place;
- plain: the engine's Markdown export of the same content and pages, built by the same
         Material theme and its own search, without the engine, one language after the other.

It prints, per N, the wall-clock seconds of each, their ratio, milliseconds per playbook,
peak memory and output size. With --serve N it also measures how long the live preview takes to show an
edit of one YAML file, with `mkdocs serve` (`make serve`) and `mkdocs serve --dirty` (`make
preview`). With --builders N it builds the English export at N playbooks with each builder the
export supports (MkDocs, ProperDocs, Zensical), taking turns, and prints each one's time beside
MkDocs'. With --write it puts what it measured on the site's "Speed and quality" page
(docs/*/quality.md).
Timings come from this run only; nothing here is a pass/fail test.

    python tools/bench.py                 # N = 100, 300, 1000
    python tools/bench.py --sizes 100 300 --serve 300 --write
    python tools/bench.py --sizes --serve 300 --write   # only the live preview
    python tools/bench.py --sizes --builders 300         # only the export's builders
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "macros"))

from community_playbooks.adapters.export import export_site  # noqa: E402
from community_playbooks.content.loader import load_library  # noqa: E402
from community_playbooks.content.markup import LINK  # noqa: E402
from community_playbooks.content.mentions import Names  # noqa: E402
from community_playbooks.content.rules import platform_names  # noqa: E402

PROJECT_FILES = ("mkdocs.yml", "mkdocs.zh.yml", "CONTRIBUTING.md", "CONTRIBUTING.zh.md")
PROJECT_DIRS = ("docs", "overrides")
PAGES = {"en": ROOT / "docs" / "en" / "quality.md", "zh": ROOT / "docs" / "zh" / "quality.md"}
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CP_PDF": "false"}
PLAYBOOKS = Path(sys.executable).with_name("playbooks")  # the command `make build` runs


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output_mb: float


@dataclass
class Row:
    n: int
    full: Run
    plain: Run

    @property
    def ratio(self) -> float:
        return self.full.seconds / self.plain.seconds


def synthetic_project(target: Path, n: int) -> Path:
    """A project like the shipped one, with ``n`` playbooks made from the shipped ones (and the
    shipped entries of every other kind)."""
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, target / name)
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, target / name)
    content = target / "playbooks"
    for folder in sorted(p for p in (ROOT / "playbooks").iterdir() if p.is_dir()):
        shutil.copytree(folder, content / folder.name)  # pitfalls, rituals, stages, guides, platforms
    shipped = sorted((ROOT / "playbooks").glob("*.yaml"))
    words = vocabulary(shipped)
    swappable = Words.of(shipped, platform_names(load_library(ROOT)))
    originals = [p.stem for p in shipped]
    parsed = {p: yaml.safe_load(p.read_text(encoding="utf-8")) for p in shipped}  # once each, not once a copy
    for i in range(n):
        source, generation = shipped[i % len(shipped)], i // len(shipped)
        data = copy.deepcopy(parsed[source])
        data["title"] = distinct_title(i, words)
        if generation:
            # the rule book refuses a summary or a chat text that repeats other playbooks': a copy
            # says the same in other words of the same length
            swap = Rewording(i, swappable)
            data["summary"] = {lang: swap(text) for lang, text in data["summary"].items()}
            for name, text in (data.get("messages") or {}).items():
                data["messages"][name] = {lang: swap(value) for lang, value in text.items()}
        # related playbooks point to copies of the same generation where they exist, else to the first
        data["related"] = [f"{other}-{index if index < n else originals.index(other):04d}"
                           for other in data.get("related", ())
                           if (index := generation * len(shipped) + originals.index(other)) < n
                           or originals.index(other) < n]
        _dump(data, content / f"{source.stem}-{i:04d}.yaml")
    return target


# Chinese numerals and the measure words after them: a count is a count in every copy
CHINESE_COUNTS = "一二两三四五六七八九十百千万半人天个条次元块名位周月年小时分钟本项页章篇"
# a count as the rule book reads one ("两周", "半小时", "三十个人"): kept as written in a copy
CHINESE_COUNT = re.compile(r"[一二两三四五六七八九十百千万半]+个?(?:分钟|小时|[人天个条次元块名位周月年本项页章篇])")


@dataclass(frozen=True)
class Words:
    """The shipped playbooks' words and characters, and those free to swap in: none of a name."""

    names: tuple[re.Pattern[str], ...]
    by_length: tuple[tuple[list[str], list[str]], ...]  # (words of one length, those free to swap in)
    chars: tuple[str, ...]
    free_chars: tuple[str, ...]

    @classmethod
    def of(cls, files: list[Path], names: Names) -> "Words":
        written = [*names.owner, *(word for _, word in names.backed_by)]
        kept_words = {w.lower() for name in written for w in re.findall(r"[A-Za-z]+", name)}
        kept_chars = {c for name in written for c in re.findall(r"[\u4e00-\u9fff]", name)}
        kept_chars |= set(CHINESE_COUNTS)
        text = " ".join(p.read_text(encoding="utf-8") for p in files)
        by_length: dict[int, list[str]] = {}
        for word in sorted({w.lower() for w in re.findall(r"\b[A-Za-z]+\b", text)}):
            by_length.setdefault(len(word), []).append(word)
        chars = sorted(set(re.findall(r"[\u4e00-\u9fff]", text)))
        return cls((names.pattern, *names.features.values()),
                   tuple((group, [w for w in group if w not in kept_words]) for group in by_length.values()),
                   tuple(chars), tuple(c for c in chars if c not in kept_chars))


class Rewording:
    """One copy's words: each English word swapped for another of the same length, each Chinese
    character for another, the same way throughout the copy. The names of platforms, tools and
    their features stay where they are written, and nothing swapped in is part of one, so the
    rule book reads the same claims in the copy; numbers and link targets stay too."""

    def __init__(self, seed: int, words: "Words"):
        pick = random.Random(seed)
        self.names = words.names
        self.words = {word: pick.choice(free) for group, free in words.by_length for word in group if free}
        self.chars = {c: pick.choice(words.free_chars) for c in words.chars}

    def __call__(self, text: str) -> str:
        kept = [(m.start(), m.end()) for pattern in self.names for m in pattern.finditer(text)]
        kept += [(link.end(1), link.end()) for link in LINK.finditer(text)]  # "](target)"
        kept += [(m.start(), m.end()) for m in CHINESE_COUNT.finditer(text)]
        out, last = [], 0
        for start, end in sorted(kept):
            if start < last:
                continue
            out += [self._swapped(text[last:start]), text[start:end]]
            last = end
        return "".join(out) + self._swapped(text[last:])

    def _swapped(self, text: str) -> str:
        def word(match: re.Match[str]) -> str:
            new = self.words.get(match[0].lower(), match[0])
            return new.capitalize() if match[0][0].isupper() else new

        text = re.sub(r"\b[A-Za-z]+\b", word, text)
        return re.sub(r"[\u4e00-\u9fff]", lambda m: self.chars.get(m[0], m[0]), text)


def vocabulary(files: list[Path]) -> tuple[list[str], list[str]]:
    """English words and Chinese characters of the shipped playbooks, to name the copies with."""
    text = " ".join(p.read_text(encoding="utf-8") for p in files)
    english = sorted({w.lower() for w in re.findall(r"[A-Za-z]{5,10}", text)})
    chinese = sorted(set(re.findall(r"[\u4e00-\u9fff]", text)))
    return english, chinese


def distinct_title(i: int, words: tuple[list[str], list[str]]) -> dict[str, str]:
    """A title no other copy's resembles: copies named "Reading circle 17" and "Reading circle 18"
    would be reported by the content lint as near-duplicates, as they should be."""
    pick = random.Random(i)
    english, chinese = words
    return {"en": " ".join(pick.sample(english, 3)).capitalize(), "zh": "".join(pick.sample(chinese, 5))}


def _dump(data: dict, path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def measured(command: list[str], cwd: Path, output: Path, env: dict[str, str] | None = None) -> Run:
    """Wall time, the peak memory of the largest process (the command or one it waited for),
    and the size of ``output``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env or ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    log = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{log[-3000:]}")
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    return Run(seconds, usage.ru_maxrss / 1024, size / 1e6)


def build_both(project: Path, site: Path, cache: Path) -> Run:
    """`make build`: both languages at once, from an empty parse cache as on a fresh checkout."""
    shutil.rmtree(cache, ignore_errors=True)
    return measured([str(PLAYBOOKS), "--root", str(project), "build", "--out", str(site)], project, site,
                    env={**ENV, "CP_CACHE_DIR": str(cache)})


def plain_both(project: Path, work: Path) -> Run:
    exports = []
    for lang in ("en", "zh"):
        out = work / f"export-{lang}"
        export_site(project, out, lang)
        exports.append(out)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    en = measured([*mkdocs, "-f", str(exports[0] / "mkdocs.yml"), "-d", str(work / "plain")], exports[0], work / "plain")
    zh = measured([*mkdocs, "-f", str(exports[1] / "mkdocs.yml"), "-d", str(work / "plain" / "zh")], exports[1],
                  work / "plain" / "zh")
    return Run(en.seconds + zh.seconds, max(en.peak_mb, zh.peak_mb), en.output_mb + zh.output_mb)


def bench(n: int, work: Path, repeats: int) -> Row:
    """The fastest of ``repeats`` runs of each, full and plain taking turns, so that whatever
    else the machine does weighs on both alike. Every full run starts without the parse
    cache, as on a fresh checkout."""
    project = synthetic_project(work / f"n{n}", n)
    fulls, plains = [], []
    for _ in range(repeats):
        fulls.append(build_both(project, work / f"n{n}-site", work / f"n{n}-cache"))
        plains.append(plain_both(project, work / f"n{n}-plain"))
    return Row(n, min(fulls, key=lambda r: r.seconds), min(plains, key=lambda r: r.seconds))


@dataclass(frozen=True)
class Preview:
    n: int
    full: float  # `mkdocs serve`: every page built again
    dirty: float  # `mkdocs serve --dirty`: only the pages whose content changed

    @property
    def ratio(self) -> float:
        return self.dirty / self.full


def serve_rebuild(n: int, work: Path, flags: tuple[str, ...], repeats: int) -> float:
    """Seconds from saving an edited YAML file to `make serve` (`playbooks serve`) serving the
    changed page in both languages (the fastest of ``repeats`` edits)."""
    project = synthetic_project(work / f"serve{n}{''.join(flags)}", n)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(PLAYBOOKS), "--root", str(project), "serve", *flags, "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**ENV, "CP_CACHE_DIR": str(work / f"serve{n}{''.join(flags)}-cache")})
    try:
        source = sorted((project / "playbooks").glob("*.yaml"))[0]
        # `mkdocs serve` serves the site under the path of its site_url
        mount = urlsplit(yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"),
                                   Loader=yaml.BaseLoader)["site_url"]).path
        page = f"http://127.0.0.1:{port}{mount}playbooks/{source.stem}/"
        chinese = f"http://127.0.0.1:{port}{mount}zh/playbooks/{source.stem}/"
        title = yaml.safe_load(source.read_text(encoding="utf-8"))["title"]["en"]
        _wait_for(page, lambda body: title in body, timeout=900)
        times = []
        for _ in range(repeats):
            # short enough for the title limits of both languages, or the rebuild would fail the lint
            marker = f"{time.time_ns() % 10**6:06d}"
            data = yaml.safe_load(source.read_text(encoding="utf-8"))
            data["title"] = {"en": f"Edited {marker}", "zh": f"改过 {marker}"}
            start = time.perf_counter()
            _dump(data, source)
            _wait_for(page, lambda body: f"Edited {marker}" in body, timeout=900)
            _wait_for(chinese, lambda body: f"改过 {marker}" in body, timeout=900)
            times.append(time.perf_counter() - start)
            time.sleep(2)  # let the server settle before the next edit
        return min(times)
    finally:
        server.terminate()
        server.wait()


def preview(n: int, work: Path, repeats: int) -> Preview:
    return Preview(n, serve_rebuild(n, work, (), repeats), serve_rebuild(n, work, ("--dirty",), repeats))


# The export's builders, each reading the same mkdocs.yml (Zensical writes beside it: a copy each).
BUILDERS = {
    "MkDocs": lambda out: [str(Path(sys.executable).with_name("mkdocs")), "build", "--strict", "-q", "-d", str(out)],
    "ProperDocs": lambda out: [str(Path(sys.executable).with_name("properdocs")), "build", "--strict", "-q", "-d",
                               str(out)],
    "Zensical": lambda out: [str(Path(sys.executable).with_name("zensical")), "build"],
}


def builders(n: int, work: Path, repeats: int) -> dict[str, Run]:
    """The fastest of ``repeats`` builds of the English export at ``n`` playbooks by each builder,
    the builders taking turns so that whatever else the machine does weighs on all alike."""
    project = synthetic_project(work / f"n{n}", n)
    export = work / f"n{n}-export"
    export_site(project, export, "en")
    runs: dict[str, list[Run]] = {name: [] for name in BUILDERS}
    for _ in range(repeats):
        for name, command in BUILDERS.items():
            copy = work / f"n{n}-{name}"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(export, copy)
            runs[name].append(measured(command(copy / "site"), copy, copy / "site"))
    return {name: min(found, key=lambda r: r.seconds) for name, found in runs.items()}


def _wait_for(url: str, ready, timeout: float) -> None:  # noqa: ANN001 - a predicate on the body
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8")):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} did not show the change within {timeout} s")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                          if line.startswith("MemTotal"))) / 1024 / 1024
    except (OSError, StopIteration):
        memory = 0
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


HEADERS = {
    "en": ("N", "`make build` (s)", "plain, one language after the other (s)", "ratio", "ms per playbook",
           "peak memory, full / plain (MB)", "output, both languages (MB)"),
    "zh": ("手册数", "`make build`（秒）", "纯 Material，两种语言先后构建（秒）", "比值", "每本手册（毫秒）",
           "内存峰值，完整 / 纯（MB）", "产出，两种语言（MB）"),
}
PREVIEW = {
    "en": "Live preview at N = {n:,}: an edited YAML file is served in both languages {full:.1f} s after it "
          "is saved with `make serve`, which builds every page again, and {dirty:.1f} s after with `make "
          "preview`, which writes only the pages whose content changed ({ratio:.2f} of the time).",
    "zh": "实时预览（{n:,} 本手册）：保存修改过的 YAML 文件后，`make serve`（每次重建所有页面）{full:.1f} 秒后两种语言都可见新页面；"
          "`make preview`（只重写内容有变化的页面）{dirty:.1f} 秒后可见，耗时为前者的 {ratio:.2f}。",
}
PREVIEW_BEGIN, PREVIEW_END = "<!-- preview:begin -->", "<!-- preview:end -->"
BUILDERS_BEGIN, BUILDERS_END = "<!-- builders:begin -->", "<!-- builders:end -->"
BUILDER_HEADERS = {"en": ("Builder", "English export, N = {n:,} (s)", "against MkDocs"),
                   "zh": ("构建工具", "英文导出，{n:,} 本手册（秒）", "与 MkDocs 之比")}
MEASURED = {"en": "Measured on {day} on {machine}.", "zh": "测量于 {day}，机器：{machine}。"}


def table(rows: list[Row], lang: str = "en") -> str:
    lines = ["| " + " | ".join(HEADERS[lang]) + " |", "|" + "---:|" * len(HEADERS[lang])]
    for row in rows:
        lines.append(f"| {row.n:,} | {row.full.seconds:.1f} | {row.plain.seconds:.1f} | {row.ratio:.2f} | "
                     f"{row.full.seconds / row.n * 1000:.0f} | {row.full.peak_mb:.0f} / {row.plain.peak_mb:.0f} | "
                     f"{row.full.output_mb:.0f} |")
    return "\n".join(lines)


def builders_table(n: int, runs: dict[str, Run], lang: str = "en") -> str:
    head = [h.format(n=n) for h in BUILDER_HEADERS[lang]]
    lines = ["| " + " | ".join(head) + " |", "|---|---:|---:|"]
    base = runs["MkDocs"].seconds
    lines += [f"| {name} | {run.seconds:.1f} | {run.seconds / base:.2f} |" for name, run in runs.items()]
    return "\n".join(lines)


def preview_text(measured: Preview, lang: str = "en") -> str:
    return PREVIEW[lang].format(n=measured.n, full=measured.full, dirty=measured.dirty, ratio=measured.ratio)


def write_pages(rows: list[Row], measured: Preview | None, built: tuple[int, dict[str, Run]] | None = None) -> None:
    """Replace the measured parts of the speed pages, each between its markers."""
    for lang, path in PAGES.items():
        stamp = MEASURED[lang].format(day=date.today().isoformat(), machine=machine())
        page = path.read_text(encoding="utf-8")
        if rows:
            page = _between(page, BEGIN, END, f"{stamp}\n\n{table(rows, lang)}")
        if measured:
            page = _between(page, PREVIEW_BEGIN, PREVIEW_END, f"{stamp}\n\n{preview_text(measured, lang)}")
        if built:
            page = _between(page, BUILDERS_BEGIN, BUILDERS_END, f"{stamp}\n\n{builders_table(*built, lang)}")
        path.write_text(page, encoding="utf-8")


def _between(page: str, begin: str, end: str, text: str) -> str:
    head, found, rest = page.partition(begin)
    if not found:
        raise SystemExit(f"the page has no {begin} marker")
    _, _, tail = rest.partition(end)
    return f"{head}{begin}\n{text}\n{end}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 300, 1000],
                        help="numbers of playbooks (none: only the live preview)")
    parser.add_argument("--serve", type=int, default=None,
                        help="also time a live-preview rebuild at this N, with and without --dirty")
    parser.add_argument("--builders", type=int, default=None,
                        help="also time the English export at this N with MkDocs, ProperDocs and Zensical")
    parser.add_argument("--write", action="store_true", help="put the table on docs/*/quality.md")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each build; the fastest counts (default 2)")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="cp-bench-") as tmp:
        work = Path(tmp)
        print(f"Machine: {machine()}", flush=True)
        for n in args.sizes:
            rows.append(bench(n, work, args.repeats))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
        measured = preview(args.serve, work, args.repeats) if args.serve else None
        built = (args.builders, builders(args.builders, work, args.repeats)) if args.builders else None
    if rows:
        print("\n" + table(rows))
    if measured:
        print("\n" + preview_text(measured))
    if built:
        print("\n" + builders_table(*built))
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last.full.seconds / last.n) / (first.full.seconds / first.n)
        print(f"\nCost per playbook at N = {last.n:,} is {growth:.2f}× the cost at N = {first.n:,}.")
    if args.write:
        write_pages(rows, measured, built)
    return 0


if __name__ == "__main__":
    sys.exit(main())
