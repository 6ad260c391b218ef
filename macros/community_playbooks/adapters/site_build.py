"""`make build`: both languages built at once, then swapped into place whole.

Each language is a strict `mkdocs build` in a process of its own (two cores, two builds),
into a folder beside the target. Only when both succeed does the new site replace the old
one, in one atomic exchange where the system has it: a failed build leaves the last good
site, and a reader (or an upload) never sees half of one. A lock file keeps a second build
from swapping under the first: it waits its turn.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, TextIO

from ..content.languages import SITE_LANGUAGES



class BuildError(Exception):
    """A language failed to build; the message holds what it printed."""


@dataclass(frozen=True)
class Built:
    seconds: float
    languages: tuple[str, ...]


def build_site(root: Path, out: Path, *, pdf: bool = False, parallel: bool = True,
               log: TextIO = sys.stderr) -> Built:
    """Build every language of the project at ``root`` into ``out``; raise BuildError on failure."""
    root, out = Path(root).resolve(), Path(out).resolve()
    start = time.perf_counter()
    with _locked(out, log):
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        try:
            _build_languages(root, staging, pdf, parallel)
            site = staging / "site"
            for language in SITE_LANGUAGES[1:]:  # the first language's site is the root
                (staging / language.folder).rename(site / language.folder)
            swap_into_place(site, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return Built(time.perf_counter() - start, tuple(language.code for language in SITE_LANGUAGES))


def _build_languages(root: Path, staging: Path, pdf: bool, parallel: bool) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CP_PDF": "true" if pdf else "false"}
    runs = []
    for language in SITE_LANGUAGES:
        config, target = language.config, staging / (language.folder or "site")
        output = tempfile.TemporaryFile("w+", encoding="utf-8")
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / config),
                   "-d", str(target)]
        process = subprocess.Popen(command, cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT)
        runs.append((config, process, output))
        if not parallel:
            process.wait()
    failed = []
    for config, process, output in runs:
        if process.wait() != 0:
            output.seek(0)
            failed.append(f"{config}:\n{output.read().strip()}")
        output.close()
    if failed:
        raise BuildError("\n\n".join(failed))


def swap_into_place(new: Path, target: Path) -> None:
    """Put the folder ``new`` where ``target`` is, in one step where the system allows it."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        shutil.rmtree(new)  # it holds the old site now
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Linux's renameat2(RENAME_EXCHANGE): swap two paths atomically. False where unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


@contextmanager
def _locked(out: Path, log: TextIO) -> Iterator[None]:
    """One build at a time per target folder; a second one waits, and says so."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f".{out.name}.lock"
    with open(lock_path, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            print(f"Another build is writing {out.name}/ ({holder}); waiting for it to finish...", file=log)
            fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}")
        lock.flush()
        try:
            yield
        finally:
            lock.truncate(0)
            fcntl.flock(lock, fcntl.LOCK_UN)
