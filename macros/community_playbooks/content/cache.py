"""Entries whose file passed its schema, remembered by the file's bytes: parse and validate once.

Reading YAML and checking it against its JSON Schema is most of the cost of loading the
library. A file whose bytes, path and engine (schemas and parsing code) are unchanged
holds the same valid data, so that data is kept on disk (the Chinese build reuses what the
English build read, and the next build what this one read), and the entry built from it in
memory (a `mkdocs serve` rebuild re-reads only the file that was edited). Only valid files
are kept: a broken file is read and reported every time.

The disk cache is the user's, outside every checkout (``$XDG_CACHE_HOME/community-playbooks``,
or ``CP_CACHE_DIR``): a pull request cannot plant an entry in it. Each entry names the digest
of the bytes it was made from, checked on read, and its data is checked against the schema
again before it is used. Entries live in a folder per engine; an entry not used for
``UNUSED_DAYS`` days, and the folder of an engine not used for ``OTHER_ENGINE_DAYS``, are
removed (looked at once a day at most), so the cache holds what recent builds need.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from .model import Entry

_ENGINE_FILES = ("yaml_reader.py", "validation.py", "cache.py")
UNUSED_DAYS = 14  # an entry nobody read for this long is gone
OTHER_ENGINE_DAYS = 3  # so is a folder of another engine (an older checkout, a schema edited under serve)
_DAY = 24 * 3600


def user_cache_dir() -> Path:
    """Where valid data is kept between runs: the user's cache folder, never the project's."""
    if os.environ.get("CP_CACHE_DIR"):
        return Path(os.environ["CP_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "community-playbooks"


def trusted_cache_dir(project: Path) -> Path | None:
    """The disk cache a build of ``project`` may use: none when switched off (``CP_NO_CACHE``)
    or when it lies inside the checkout, where a pull request could put files of its own."""
    if os.environ.get("CP_NO_CACHE"):
        return None
    directory = user_cache_dir()
    return None if directory.resolve().is_relative_to(Path(project).resolve()) else directory


def engine_stamp(schema_dir: Path) -> str:
    """What cached data depends on besides its bytes: the schemas, the parsing code and the
    libraries that read and check it."""
    versions = f"{yaml.__version__} {yaml.__with_libyaml__} {_version('jsonschema')} {_version('jsonschema-rs')}"
    digest = hashlib.sha256(versions.encode())
    for path in sorted(schema_dir.glob("*.json")) + [Path(__file__).parent / name for name in _ENGINE_FILES]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


class ValidCache:
    """Valid data by (engine, kind, path, bytes) on disk; the entries built from it in memory."""

    def __init__(self, directory: Path | None, engine: str):
        self.root = directory
        self.directory = directory / engine[:16] if directory else None
        self.engine = engine
        self._entries: dict[str, Entry] = {}
        if directory:
            prune(directory, self.directory)

    def key(self, kind: str, display: str, raw: bytes) -> str:
        return hashlib.sha256(b"\0".join([self.engine.encode(), kind.encode(), display.encode(), raw])).hexdigest()

    def entry(self, key: str) -> Entry | None:
        return self._entries.get(key)

    def remember(self, key: str, entry: Entry) -> None:
        self._entries[key] = entry

    def data(self, key: str, raw: bytes) -> Any | None:
        """The valid data stored under ``key`` from these very bytes ``raw``, or None."""
        if self.directory is None:
            return None
        path = self.directory / f"{key}.json"
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(stored, dict) or stored.get("source") != hashlib.sha256(raw).hexdigest():
            return None
        touch(path)
        return stored.get("data")

    def store(self, key: str, raw: bytes, data: Any) -> None:
        if self.directory is None:
            return
        temporary = None
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            # whole or not at all: two builds may run side by side
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.directory, delete=False,
                                             suffix=".tmp") as out:
                temporary = out.name
                # dumps, not dump: dump feeds the file piece by piece from the slow Python encoder
                out.write(json.dumps({"source": hashlib.sha256(raw).hexdigest(), "data": data}, ensure_ascii=False,
                                     separators=(",", ":")))
            os.replace(temporary, self.directory / f"{key}.json")
        except (OSError, UnicodeEncodeError):
            # a read-only checkout still builds, only slower; a lone surrogate (which the rule
            # book refuses) cannot be written as UTF-8: nothing is kept, nothing breaks
            if temporary:
                Path(temporary).unlink(missing_ok=True)


def prune(root: Path, current: Path, now: float | None = None) -> None:
    """Remove what no recent build used: entries of this engine unused for UNUSED_DAYS days, other
    engines' folders unused for OTHER_ENGINE_DAYS. Done at most once a day per cache."""
    now = now if now is not None else time.time()
    stamp = root / ".pruned"
    try:
        if now - stamp.stat().st_mtime < _DAY:
            return
    except OSError:
        pass
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        stamp.touch()
        os.utime(stamp, (now, now))
        for folder in root.iterdir():
            if not folder.is_dir() or folder.is_symlink():
                continue
            if folder == current:
                for entry in folder.iterdir():
                    if entry.is_file() and now - entry.stat().st_mtime > UNUSED_DAYS * _DAY:
                        entry.unlink(missing_ok=True)
            elif now - folder.stat().st_mtime > OTHER_ENGINE_DAYS * _DAY:
                shutil.rmtree(folder, ignore_errors=True)
    except OSError:
        pass  # a cache that cannot be tidied still works


def touch(path: Path) -> None:
    """Mark an entry (and its engine's folder) as used now."""
    try:
        os.utime(path)
        os.utime(path.parent)
    except OSError:
        pass
