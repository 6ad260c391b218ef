"""Compare two built sites page for page, as a reader's browser would see them.

    python tools/compare_sites.py SITE_A SITE_B [--ignore GLOB ...]

HTML pages are compared as what they show and do: their elements, attributes (values
unescaped, in any order) and text (whitespace folded), so ``&#39;`` and ``&#x27;`` or a
line break between two tags are not differences. JSON files are compared as data, and
every other file byte for byte. Prints each differing file with its first difference and
exits 1 when there is any; a refactoring that must not change the site should print nothing.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import sys
from html.parser import HTMLParser
from pathlib import Path


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[str] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.tokens.append(f"text {text}")
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        shown = " ".join(f'{k}="{" ".join((v or "").split())}"' for k, v in sorted(attrs))
        self.tokens.append(f"<{tag} {shown}>".replace(" >", ">"))

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        self.tokens.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_tokens(text: str) -> list[str]:
    parser = _Tokens()
    parser.feed(text)
    parser.close()
    return parser.tokens


def difference(a: Path, b: Path) -> str | None:
    """How the two files differ, in a line or a short diff; None when they do not."""
    if a.suffix == ".html":
        left, right = html_tokens(a.read_text(encoding="utf-8")), html_tokens(b.read_text(encoding="utf-8"))
        if left == right:
            return None
        diff = list(difflib.unified_diff(left, right, lineterm="", n=1))
        return "\n".join(diff[2:14])
    if a.suffix == ".json":
        try:
            same = json.loads(a.read_text(encoding="utf-8")) == json.loads(b.read_text(encoding="utf-8"))
        except ValueError:
            same = a.read_bytes() == b.read_bytes()
        return None if same else "the data differs"
    return None if a.read_bytes() == b.read_bytes() else "the bytes differ"


def compare(site_a: Path, site_b: Path, ignore: list[str]) -> list[str]:
    def files(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
                and not any(fnmatch.fnmatch(p.relative_to(site).as_posix(), g) for g in ignore)}

    a, b = files(site_a), files(site_b)
    report = [f"only in {site_a}: {name}" for name in sorted(a - b)]
    report += [f"only in {site_b}: {name}" for name in sorted(b - a)]
    for name in sorted(a & b):
        found = difference(site_a / name, site_b / name)
        if found:
            report.append(f"{name}:\n{found}")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--ignore", action="append", default=[], help="a glob of paths to leave out")
    args = parser.parse_args()
    report = compare(args.a, args.b, args.ignore)
    print("\n".join(report) if report else "The two sites are the same, page for page.")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
