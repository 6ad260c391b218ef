"""Load a project's content: find → read → validate → build → link → check the rules.

The one entry point of the content layer. Every problem of every file is collected and
returned (``check``) or raised at once as one ``ContentError`` (``load``).
"""

from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import ContentError, Problem, fatal, quoted
from . import rules
from .cache import ValidCache, engine_stamp, trusted_cache_dir
from .kinds import CONTENT_DIR, Kind, folders, kind_of_folder
from .library import Library
from .linker import link
from .locator import Locator
from .model import Entry, build_entry
from .validation import SCHEMA_DIR, Schemas, load_schemas
from .yaml_reader import Document, decode_document, read_bytes, read_document, symlink_problem

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
RESERVED_IDS = {"index"}


class Loader:
    """The content of the project at ``root``, loaded again only when a file changed.

    One loader per project and process: the MkDocs plugin keeps one across `mkdocs serve`
    rebuilds, the command line makes one per run.
    """

    def __init__(self, root: Path, content_dir: str = CONTENT_DIR, schema_dir: Path = SCHEMA_DIR,
                 cache: bool = True):
        self.root = Path(root).resolve()
        self.content_dir = content_dir
        self.schema_dir = Path(schema_dir)
        self._use_disk_cache = cache
        self._loaded: tuple[tuple, Library] | None = None
        self._valid: ValidCache | None = None

    @property
    def content(self) -> Path:
        return self.root / self.content_dir

    def load(self) -> Library:
        """The linked library; raises ContentError listing every problem (what is only left
        to do, a translation of a file marked ``needs_translation``, stops nothing).

        The result is kept until a file of the content or of the schemas changes (name, size
        or modification time), so an edit is picked up at once and nothing else is re-read.
        """
        stamp = self._fingerprint()
        if self._loaded and self._loaded[0] == stamp:
            return self._loaded[1]
        library, problems = self.check()
        if fatal(problems):
            raise ContentError(fatal(problems))
        self._loaded = (stamp, library)
        return library

    def check(self, *, orphans: bool = True) -> tuple[Library, list[Problem]]:
        """Every problem of the content, with the library of the entries that passed.

        Unlike ``load`` it returns the problems instead of raising them (only a missing
        content folder raises), so a contributor sees every problem in one run. Translations
        left to do are among them, marked ``todo``. ``orphans=False`` leaves out the rule that
        every pitfall, ritual, stage and guide is used by a playbook (a proposal of a new one).
        """
        if not self.content.is_dir():
            raise ContentError([Problem(str(self.root), message=f"there is no {self.content_dir}/ folder here",
                                        hint="run the command from the project folder, or pass --root")])
        if self.content.is_symlink() or not self.content.resolve().is_relative_to(self.root.resolve()):
            raise ContentError([Problem(self.content_dir, message="the content folder is a link to another place",
                                        hint=f"make {self.content_dir}/ a real folder inside the project")])
        with _collector_paused():
            schemas = load_schemas(self.schema_dir)
            entries, unloaded, problems = self._read_all(schemas)
            locator = self.locator()
            library, link_problems = link(entries, schemas.vocabularies, schemas.documents, locator, unloaded,
                                          self.content_dir)
            problems += link_problems
            problems += rules.check(library, locator, complete=orphans and not problems)
        return library, problems

    def locator(self) -> Locator:
        """Finds the lines of fields in this project's files, for problems found after loading."""
        return Locator(lambda file: _lines_of(self.root, file))

    def entry_files(self) -> Iterator[tuple[Kind | None, Path]]:
        """Every file under the content folder, with the kind of its folder (None in no known
        folder): hidden ones and those of another type too, so that each is read or reported,
        never silently skipped. Symbolic links are listed (as files), never followed."""
        for dirpath, dirnames, filenames in os.walk(self.content):
            links = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
            dirnames[:] = sorted(d for d in dirnames if d not in links)
            folder = Path(dirpath).relative_to(self.root).as_posix()
            for name in sorted(filenames + links):
                yield kind_of_folder(self.content_dir, folder), Path(dirpath) / name

    def _read_all(self, schemas: Schemas) -> tuple[list[Entry], set[tuple[str, str]], list[Problem]]:
        cache = self._cache()
        problems: list[Problem] = []
        loaded: list[Entry] = []
        unloaded: set[tuple[str, str]] = set()
        for kind, path in self.entry_files():
            display = path.relative_to(self.root).as_posix()
            problem = self._misplaced(kind, path, display)
            if problem:
                problems.append(problem)
                continue
            assert kind is not None
            try:
                raw = read_bytes(path, display)
            except ContentError as err:
                problems.extend(err.problems)
                unloaded.add((kind.name, path.stem))
                continue
            key = cache.key(kind.name, display, raw)
            entry = cache.entry(key)
            if entry is None:
                data = cache.data(key, raw)
                # the disk cache is only a file: check what it holds like any file
                if data is not None and not schemas.is_valid(kind.name, data):
                    data = None
                if data is None:
                    try:
                        document = decode_document(raw, display, marks=False)
                        if not schemas.is_valid(kind.name, document.data):
                            # read again with the line of every field, to say where each problem is
                            problems.extend(schemas.validate(kind.name, decode_document(raw, display)))
                            unloaded.add((kind.name, path.stem))
                            continue
                    except ContentError as err:
                        problems.extend(err.problems)
                        unloaded.add((kind.name, path.stem))
                        continue
                    data = document.data
                    cache.store(key, raw, data)
                try:
                    entry = build_entry(kind.name, path.stem, display, data)
                except (KeyError, TypeError, ValueError, AttributeError) as err:
                    # the schema should have refused it: say where, never a traceback
                    problems.append(Problem(display, message=f"could not be read as a {kind.name} "
                                            f"({type(err).__name__}: {quoted(err, 120)})",
                                            hint="compare the file with the field reference"))
                    unloaded.add((kind.name, path.stem))
                    continue
                cache.remember(key, entry)
            loaded.append(entry)
        return loaded, unloaded, problems

    def _cache(self) -> ValidCache:
        """Valid data by content, on disk too unless switched off; a new one when the engine
        changed (a schema edited under `mkdocs serve`), so every file is checked against it."""
        stamp = engine_stamp(self.schema_dir)
        if self._valid is None or self._valid.engine != stamp:
            directory = trusted_cache_dir(self.root) if self._use_disk_cache else None
            self._valid = ValidCache(directory, stamp)
        return self._valid

    def _misplaced(self, kind: Kind | None, path: Path, display: str) -> Problem | None:
        """Why a file under the content folder is not read as an entry, or None if it is one."""
        if path.is_symlink():
            return symlink_problem(path, display)
        hidden = [part for part in path.relative_to(self.content).parts if part.startswith(".")]
        if hidden:
            folder = next((part for part in hidden if part != path.name), None)
            message = f"is in the hidden folder {quoted(folder)}/" if folder else "is a hidden file"
            return Problem(display, message=message + ", which is never read",
                           hint="entries are <id>.yaml files in visible folders: rename it, or delete it if an "
                                "editor or the system left it behind")
        if path.suffix != ".yaml":
            if path.suffix.lower() in (".yaml", ".yml"):
                case = ", in lowercase" if path.suffix.lower() == ".yaml" else ""
                return Problem(display, message=f"entries end in .yaml{case}", hint=f"rename it to {quoted(path.stem)}.yaml")
            return Problem(display, message="is not an entry: only .yaml files are read here",
                           hint=f"move it out of {self.content_dir}/, or delete it")
        if kind is None:
            where = ", ".join(f"{k.name}s in {folder}/" for k, folder in folders(self.content_dir))
            return Problem(display, message="this folder holds no kind of entry", hint=f"put {where}")
        if not ID_PATTERN.fullmatch(path.stem):
            suggestion = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "my-entry"
            return Problem(display, message=f"'{quoted(path.stem)}' is not a valid id (the file name is the id)",
                           hint=f"use lowercase letters, digits and single hyphens: rename it to {suggestion}.yaml")
        if path.stem in RESERVED_IDS:
            return Problem(display, message=f"'{path.stem}' is reserved for the index page of the {kind.name}s",
                           hint="choose another file name")
        return None

    def _fingerprint(self) -> tuple:
        stamp = []
        for folder in (self.content, self.schema_dir):
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames.sort()
                for name in sorted(filenames):
                    try:
                        stat = os.lstat(os.path.join(dirpath, name))
                    except OSError:  # an editor's swap file, gone between listing and looking
                        continue
                    stamp.append((dirpath, name, stat.st_mtime_ns, stat.st_size, stat.st_ctime_ns))
        return tuple(stamp)


def load_library(root: Path, content_dir: str = CONTENT_DIR) -> Library:
    """The linked library of the project at ``root``, read afresh; raises ContentError."""
    return Loader(root, content_dir).load()


def _lines_of(root: Path, file: str) -> Document:
    try:
        return read_document(root / file, file)
    except (ContentError, OSError):
        return Document(file, None)


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
