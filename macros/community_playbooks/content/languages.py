"""The languages of the site, each described once: what a third language needs is one entry
here, its words in ``render/strings.py``, its MkDocs config and its content.

A language says how it is written (punctuation around labels and lists, whether words are
spaced, which count words stay with their numbers), how long its texts may be, and where its
site is built from and to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping


@dataclass(frozen=True)
class Language:
    code: str  # as in YAML ({en: ..., zh: ...}) and MkDocs' theme.language
    name: str  # as the language switch shows it, in the language itself
    locale: str  # for link previews (Open Graph)
    config: str  # its MkDocs config, relative to the project
    folder: str  # where its site goes inside the built site ("" is the root)
    colon: str  # after a bold label: "Owner:"
    label_separator: str  # between a label and its value: "Owner: Founder"
    stop: str  # ends a sentence
    list_separator: str  # between the items of a list in running text
    spaced: bool  # words stand apart (a line break in the source is a space), unlike Chinese
    cased: bool  # has capital letters: a label inside a sentence is lowercased
    units: tuple[str, ...]  # count words a number stays with on one line ("300 人")
    # shortest and longest length of each kind of text, in characters
    bounds: Mapping[str, tuple[int, int]]
    # what a reader types around the words of a search ("how", "my", "怎么", "的"): a search leaves
    # them out, and a query of nothing else asks for a word more
    search_fillers: tuple[str, ...] = ()


# Chinese says the same in roughly 40 % of the English length.
ENGLISH = Language(
    code="en", name="English", locale="en_GB", config="mkdocs.yml", folder="", colon=":", label_separator=": ",
    stop=".", list_separator=", ", spaced=True, cased=True, units=(),
    bounds={"title": (3, 60), "summary": (60, 320), "messages": (20, 1200), "text": (2, 220), "paragraph": (20, 700),
            "claim": (10, 320), "word": (2, 40)},
    search_fillers=("a", "an", "the", "my", "our", "your", "their", "i", "we", "you", "they", "me", "us", "it", "its",
                    "is", "are", "was", "be", "been", "do", "does", "did", "get", "got", "gets", "keep", "keeps",
                    "to", "of", "in", "on", "at", "for", "from", "with", "about", "into", "and", "or", "but", "so",
                    "how", "what", "why", "when", "where", "who", "which", "can", "should", "there", "this", "that",
                    "some", "any", "very", "too", "just", "always", "again", "another", "other", "go", "goes",
                    "going", "went", "gone", "become", "becomes", "became", "turn", "turns", "turned", "make",
                    "makes", "made", "feel", "feels", "felt", "say", "says", "said", "everyone", "everybody",
                    "someone", "somebody", "anyone", "anybody", "people"))
CHINESE = Language(
    code="zh", name="中文", locale="zh_CN", config="mkdocs.zh.yml", folder="zh", colon="：", label_separator="：",
    stop="。", list_separator="、", spaced=False, cased=False,
    units=("人", "天", "个", "本", "次", "项", "条", "位", "名", "周", "月", "年", "元", "页", "章", "篇", "分钟", "小时"),
    bounds={"title": (2, 20), "summary": (20, 160), "messages": (10, 600), "text": (2, 120), "paragraph": (10, 350),
            "claim": (5, 160), "word": (1, 20)},
    search_fillers=("的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "是", "在", "我", "我们", "你", "你们", "他", "她",
                    "他们", "它", "这", "那", "这个", "那个", "这样", "怎么", "怎么办", "怎样", "如何", "为什么",
                    "什么", "咋", "咋办", "有", "和", "与", "跟", "都", "也", "就", "还", "又", "很", "太", "老是",
                    "总是", "总", "一直", "老", "要", "想", "该", "应该", "能", "可以", "被", "说", "觉得", "变成",
                    "变得", "成了", "有人", "大家", "别人"))

SITE_LANGUAGES: tuple[Language, ...] = (ENGLISH, CHINESE)  # the first is the site's root
BY_CODE = {language.code: language for language in SITE_LANGUAGES}
LANGUAGES = tuple(BY_CODE)


def language(code: str) -> Language:
    """The language of ``code``; the first language for a code the site does not have."""
    return BY_CODE.get(code, SITE_LANGUAGES[0])
