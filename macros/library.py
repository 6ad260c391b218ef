"""Find, read, validate and link every entry of a project: the one entry point of the flow."""

from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .doccache import CACHE_DIR, ValidCache, engine_stamp
from .errors import ContentError, Problem
from .linker import Library, link
from .model import CONTENT_DIR, FOLDERS, Entry, build_entry
from .schema import load_schemas
from .yamlsource import Document, decode_document, read_document

SCHEMA_DIR = "schemas"
# the schemas belong to the engine, not to a content tree: fixtures and forks share them
SCHEMA_PATH = Path(__file__).resolve().parent.parent / SCHEMA_DIR
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED_IDS = {"index"}

_KIND_OF_FOLDER = {folder: kind for kind, folder in FOLDERS.items()}

_cache: dict[Path, tuple[tuple, Library]] = {}
_valid: dict[tuple[Path, str], ValidCache] = {}


def load_library(root: Path) -> Library:
    """The linked library of the project at ``root``; raises ContentError listing every problem.

    The result is cached on the files' names, sizes and modification times, so the MkDocs
    hook and the macros module share one load per build, and an edit is picked up at once.
    """
    root = Path(root).resolve()
    stamp = _fingerprint(root)
    cached = _cache.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    library, problems = check_library(root)
    if problems:
        raise ContentError(problems)
    _cache[root] = (stamp, library)
    return library


def entry_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Every YAML file under playbooks/, with its kind ('' for a file in no known folder)."""
    content = root / CONTENT_DIR
    for dirpath, dirnames, filenames in os.walk(content):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        folder = Path(dirpath).relative_to(root).as_posix()
        for name in sorted(filenames):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                yield _KIND_OF_FOLDER.get(folder, ""), Path(dirpath) / name


def check_library(root: Path) -> tuple[Library, list[Problem]]:
    """Every problem of the project at ``root`` with the library of the entries that passed.

    Unlike ``load_library`` it returns the problems instead of raising them (only a missing
    content folder raises), so the content lint can run on the entries that passed and a
    contributor sees every problem in one run.
    """
    root = Path(root).resolve()
    if not (root / CONTENT_DIR).is_dir():
        raise ContentError([Problem(str(root), message=f"there is no {CONTENT_DIR}/ folder here",
                                    hint="run the command from the project folder, or pass --root")])
    with _collector_paused():
        return _check(root)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing makes hundreds of thousands of short-lived objects without cycles; the cyclic
    collector would walk the growing library again and again meanwhile (measured at 1,000
    playbooks: 19.9 s to load with it, 12.8 s without). Reference counting still frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check(root: Path) -> tuple[Library, list[Problem]]:
    schemas = load_schemas(SCHEMA_PATH)
    cache = _valid_cache(root)
    problems: list[Problem] = []
    loaded: list[Entry] = []
    unloaded: set[tuple[str, str]] = set()
    for kind, path in entry_files(root):
        display = path.relative_to(root).as_posix()
        problem = _misplaced(kind, path, display)
        if problem:
            problems.append(problem)
            continue
        raw = path.read_bytes()
        key = cache.key(kind, display, raw)
        entry = cache.entry(key)
        if entry is None:
            data = cache.data(key)
            # the disk cache is only a file in the checkout: check what it holds like any file
            if data is not None and not schemas.is_valid(kind, data):
                data = None
            if data is None:
                try:
                    document = decode_document(raw, display, marks=False)
                    if not schemas.is_valid(kind, document.data):
                        # read again with the line of every field, to say where each problem is
                        problems.extend(schemas.validate(kind, decode_document(raw, display)))
                        unloaded.add((kind, path.stem))
                        continue
                except ContentError as err:
                    problems.extend(err.problems)
                    unloaded.add((kind, path.stem))
                    continue
                data = document.data
                cache.store(key, data)
            entry = build_entry(kind, path.stem, display, data)
            cache.remember(key, entry)
        loaded.append(entry)

    library, link_problems = link(loaded, schemas.vocabularies, schemas.documents, _reader(root), unloaded)
    problems.extend(link_problems)
    return library, problems


def _reader(root: Path):  # noqa: ANN202 - a Callable[[Entry], Document]
    """Reads an entry's file for the lines of its fields, once per file."""
    read: dict[str, Document] = {}

    def document_of(entry: Entry) -> Document:
        if entry.file not in read:
            try:
                read[entry.file] = read_document(root / entry.file, entry.file)
            except (ContentError, OSError):
                read[entry.file] = Document(entry.file, None)
        return read[entry.file]

    return document_of


def _valid_cache(root: Path) -> ValidCache:
    """One cache per project and engine; on disk too unless CP_NO_CACHE is set.

    The engine's stamp is taken on every load: a schema edited under `mkdocs serve` makes a
    new cache, and every file is checked against the new schema."""
    stamp = engine_stamp(SCHEMA_PATH)
    if (root, stamp) not in _valid:
        for old in [key for key in _valid if key[0] == root]:
            del _valid[old]  # entries checked against schemas that changed since
        directory = None if os.environ.get("CP_NO_CACHE") else root / CACHE_DIR
        _valid[(root, stamp)] = ValidCache(directory, stamp)
    return _valid[(root, stamp)]


def _misplaced(kind: str, path: Path, display: str) -> Problem | None:
    if not kind:
        folders = ", ".join(f"{k}s in {f}/" for k, f in FOLDERS.items())
        return Problem(display, message="this folder holds no kind of entry", hint=f"put {folders}")
    if path.suffix == ".yml":
        return Problem(display, message="entries end in .yaml", hint=f"rename it to {path.stem}.yaml")
    if not ID_PATTERN.match(path.stem):
        suggestion = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "my-entry"
        return Problem(display, message=f"'{path.stem}' is not a valid id (the file name is the id)",
                       hint=f"use lowercase letters, digits and single hyphens: rename it to {suggestion}.yaml")
    if path.stem in RESERVED_IDS:
        return Problem(display, message=f"'{path.stem}' is reserved for the index page of the {kind}s",
                       hint="choose another file name")
    return None


def _fingerprint(root: Path) -> tuple:
    stamp = []
    for folder in (root / CONTENT_DIR, SCHEMA_PATH):
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            for name in sorted(filenames):
                try:
                    stat = os.stat(os.path.join(dirpath, name))
                except OSError:  # an editor's swap file, gone between listing and looking
                    continue
                stamp.append((dirpath, name, stat.st_mtime_ns, stat.st_size, stat.st_ctime_ns))
    return tuple(stamp)
