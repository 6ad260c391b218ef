"""Chinese typography on every built Chinese page, read as text the way a reader sees it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
HAN = "\u3400-\u9fff"
CHECKS = {
    "a space left by a wrapped source line": re.compile(f"[{CJK}]\\s*\\n\\s*[{CJK}]|[，；：。、！？]\\x20+(?=[{HAN}])"),
    "an ASCII comma in Chinese text": re.compile(f"[{HAN}],|,\\x20?[{HAN}]"),
    "a number that can wrap away from its unit": re.compile(r"\d[ \t\n]+(?:[人天个本次项条位名周月年元]|分钟|小时)"),
    "an em dash in a range": re.compile(r"\d\s*—\s*\d"),
    "a zero-width space": re.compile("\u200b"),
}


class _Text(HTMLParser):
    """The text a reader sees (and may copy), one string per text node; the Chinese set in
    italics; every attribute that reaches the screen or the clipboard."""

    SKIP = {"script", "style", "pre", "code", "textarea", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.italic: list[str] = []
        self.attributes: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source"):
            self._stack.append(tag)
        self.attributes += [v for k, v in attrs if k in ("title", "alt", "aria-label", "placeholder", "content") and v]

    def handle_endtag(self, tag):
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.SKIP & set(self._stack):
            return
        self.texts.append(data)
        if ("em" in self._stack or "i" in self._stack) and re.search(f"[{HAN}]", data):
            self.italic.append(data)


def read(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def chinese_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "zh").rglob("*.html") if "api" not in p.relative_to(site / "zh").parts[:1])


@pytest.fixture(scope="module")
def pages(real_site) -> dict[str, _Text]:
    found = {p.relative_to(real_site).as_posix(): read(p) for p in chinese_pages(real_site)}
    assert len(found) > 100, "the Chinese site was not built"
    return found


@pytest.mark.parametrize("problem", CHECKS)
def test_no_chinese_page_has(pages, problem):
    pattern = CHECKS[problem]
    found = [(name, m.group(0)) for name, page in pages.items()
             for text in page.texts + page.attributes for m in [pattern.search(text)] if m]
    assert not found, f"{len(found)} places, first: {found[:5]}"


def test_chinese_titles_are_never_in_italics(pages):
    found = [(name, text) for name, page in pages.items() for text in page.italic]
    assert not found, found[:5]


def test_no_page_in_either_language_holds_a_zero_width_space(real_site):
    found = [p.relative_to(real_site).as_posix() for p in real_site.rglob("*.html")
             if "\u200b" in p.read_text(encoding="utf-8")]
    assert not found, found[:5]


def test_the_checks_catch_what_they_look_for():
    """The checks themselves, on the mistakes the issue found on the site."""
    page = _Text()
    page.feed("<p>我们，\n大家好</p><p>微信, Slack</p><p>300 人</p><p>20:00—21:00</p><p>一\u200b二</p>"
              "<p><em>乌合之众</em></p><pre>中\n文</pre>")
    hits = {name for name, pattern in CHECKS.items() for text in page.texts if pattern.search(text)}
    assert hits == set(CHECKS)
    assert page.italic == ["乌合之众"]
