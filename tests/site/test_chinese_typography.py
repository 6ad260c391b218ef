"""Chinese typography on every built Chinese page, read as text the way a reader sees it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from community_playbooks.render.strings import t

CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
HAN = "\u3400-\u9fff"
CHECKS = {
    "a space left by a wrapped source line": re.compile(f"[{CJK}]\\s*\\n\\s*[{CJK}]|[，；：。、！？]\\x20+(?=[{HAN}])"),
    "an ASCII comma in Chinese text": re.compile(f"[{HAN}],|,\\x20?[{HAN}]"),
    "a number that can wrap away from its unit": re.compile(r"\d[ \t\n]+(?:[人天个本次项条位名周月年元]|分钟|小时)"),
    "an em dash in a range": re.compile(r"\d\s*—\s*\d"),
    "a zero-width space": re.compile("\u200b"),
}


# Where a line's text meets an inline element (a link, bold text, code): no space between a
# Chinese character (or full-width punctuation) on one side and one on the other.
EDGE = "\x00"  # an inline element's start or end, in a line's text
OBJECT = "\x01"  # a checkbox, a picture, a line break: the text on either side does not meet
SPACE_AT_EDGE = re.compile(f"[{CJK}][ \\t\\n]+{EDGE}+[{CJK}]|[{CJK}]{EDGE}+[ \\t\\n]+[{CJK}]")
INLINE = {"a", "strong", "b", "em", "i", "code", "span", "mark", "small", "kbd", "abbr", "sup", "sub", "label", "time"}
OBJECTS = {"br", "img", "input", "svg", "button", "select", "textarea", "hr", "iframe"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}


class _Text(HTMLParser):
    """The text a reader sees (and may copy), one string per text node; each line of text
    (a paragraph, a list item, a cell) with where inline elements begin and end; the Chinese
    set in italics; every attribute that reaches the screen or the clipboard; and the text of
    the theme's own parts, outside the article."""

    SKIP = {"script", "style", "pre", "code", "textarea", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.lines: list[str] = []
        self.italic: list[str] = []
        self.attributes: list[str] = []
        self.chrome: list[str] = []
        self._stack: list[str] = []
        self._line: list[str] = []

    def _end_line(self) -> None:
        if self._line and "article" in self._stack:  # the content: the theme's chrome is laid out apart
            self.lines.append("".join(self._line))
        self._line = []

    def handle_starttag(self, tag, attrs):
        if tag in INLINE:
            self._line.append(EDGE)
        elif tag in OBJECTS:
            self._line.append(OBJECT)
        elif tag not in VOID:
            self._end_line()
        if tag not in VOID:
            self._stack.append(tag)
        self.attributes += [v for k, v in attrs if k in ("title", "alt", "aria-label", "placeholder", "content") and v]

    def handle_endtag(self, tag):
        if tag in INLINE:
            self._line.append(EDGE)
        elif tag in OBJECTS:
            self._line.append(OBJECT)
        else:
            self._end_line()
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if not {"script", "style", "svg", "textarea"} & set(self._stack):
            self._line.append(data)  # code too: its first and last characters meet the text around it
        if self.SKIP & set(self._stack):
            return
        self.texts.append(data)
        if "article" not in self._stack:
            self.chrome.append(data)
        if ("em" in self._stack or "i" in self._stack) and re.search(f"[{HAN}]", data):
            self.italic.append(data)

    def close(self):
        super().close()
        self._end_line()


def read(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def chinese_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "zh").rglob("*.html") if "api" not in p.relative_to(site / "zh").parts[:1])


def theme_english() -> re.Pattern[str]:
    """The theme's English words: its English translation where its Chinese one differs, and
    the words our config gives it in English."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"

    def words(lang: str) -> dict[str, str]:
        return dict(re.findall(r'"([\w.]+)":\s*"([^"]*)"', (folder / f"{lang}.html").read_text(encoding="utf-8")))

    english, chinese = words("en"), words("zh")
    found = {value for key, value in english.items() if chinese.get(key) != value and len(value) >= 4
             and re.fullmatch(r"[A-Za-z][\w ,.'’-]+", value)}
    found |= {t(key, "en") for key in ("permalink", "palette_to_dark", "palette_to_light")}
    return re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(map(re.escape, found), key=len, reverse=True)) + r")(?![A-Za-z])")


THEME_ENGLISH = theme_english()


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


def test_no_space_where_chinese_text_meets_a_link_bold_text_or_code(pages):
    found = [(name, line.replace(EDGE, "|")[max(0, m.start() - 8):m.end() + 8]) for name, page in pages.items()
             for line in page.lines for m in [SPACE_AT_EDGE.search(line)] if m]
    assert not found, f"{len(found)} lines, first: {found[:5]}"


def test_chinese_pages_show_none_of_the_themes_english_words(pages):
    """What the theme writes (its chrome, titles, labels for screen readers) is in Chinese on
    Chinese pages: its own translation, and the words the config gives it."""
    found = [(name, m.group(0)) for name, page in pages.items()
             for text in page.chrome + page.attributes for m in [THEME_ENGLISH.search(text)] if m]
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
    edges = _Text()
    edges.feed("<article><p>每本手册的 <strong>群内文案</strong> 部分</p><p>工具栏最后的 <a>清除勾选</a></p>"
               "<p>用 <code>make serve</code> 启动</p><p>在 Discord 里</p>"
               "<p><label><input type=checkbox> <span>置顶群规</span></label></p>"
               "<p><button>看看手册</button> <a>定制清单</a></p><p><span>甲</span> <span>乙</span></p></article>")
    edges.close()
    assert [bool(SPACE_AT_EDGE.search(line)) for line in edges.lines] == [True, True, False, False, False, False,
                                                                          False]
    chrome = _Text()
    chrome.feed('<header><a title="Permanent link">x</a></header><label title="Switch to dark mode"></label>'
                "<article><p>James Clear, Open Source</p></article><footer>Back to top</footer>")
    found = [m.group(0) for text in chrome.chrome + chrome.attributes for m in [THEME_ENGLISH.search(text)] if m]
    assert found == ["Back to top", "Permanent link", "Switch to dark mode"]
