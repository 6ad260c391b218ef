"""Print each playbook's launch kit page to PDF with headless Chromium, after a build.

The PDF is what a reader gets from the browser's own print dialog, because it is made by
a browser from the same page and the same print stylesheet: no second layout to drift.
Chromium is driven through Playwright; it is the system's Chromium (``CHROMIUM``, else the
first of ``BROWSERS`` there is), since Playwright's own browser download is not needed.

A kit is printed again only when what it is printed from changed: the page, each file it
loads, the paper, this module, Chromium's version or the system's fonts. The PDFs are kept in
the user's cache beside the valid entries (``content/cache.py``, with the same rules), so a
second `make build` reprints only the kits of the playbooks that changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..content.cache import prune, touch
from ..content.library import Library
from ..render.urls import kit_uri, page_url, pdf_uri

# Debian's Chromium, Ubuntu's, or the Google Chrome that GitHub's Ubuntu runners come with
BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM = os.environ.get("CHROMIUM") or next((path for path in BROWSERS if os.access(path, os.X_OK)), BROWSERS[0])
# Quiet, reproducible Chromium: no first-run work and no background connections. Its sandbox
# stays on, except as root, where Chromium refuses to start with it (CI containers).
CHROMIUM_ARGS = ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"] + (["--no-sandbox"] if os.geteuid() == 0 else [])
PAPER = "A4"


class PrintError(Exception):
    """Printing is impossible here (no Chromium, no Playwright) or a page failed to print."""


def print_launch_kits(library: Library, site_dir: Path, paper: str = PAPER, *, directory_urls: bool = True,
                      cache_dir: Path | None = None) -> list[Path]:
    """Write ``launch-kit.pdf`` next to every kit page of the site in ``site_dir``; with a
    ``cache_dir``, a kit printed before from the same files is copied instead."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise PrintError("Playwright is not installed: `make build` sets it up (pip install -e '.[pdf]')") from None
    if not Path(CHROMIUM).exists():
        raise PrintError(f"{CHROMIUM} does not exist: install Chromium (Debian: apt-get install chromium) "
                         "or point the CHROMIUM variable at it")
    site_dir = site_dir.resolve()
    kits = []
    for playbook in library.playbooks.values():
        url = page_url(kit_uri(playbook.id), directory_urls)
        html = site_dir / (url + "index.html" if url.endswith("/") else url)
        if not html.exists():
            raise PrintError(f"{html} was not built")
        kits.append((html, site_dir / pdf_uri(playbook.id)))
    printed = PrintedKits.open(cache_dir, paper)
    to_print = [(html, target) for html, target in kits if not printed.restore(html, site_dir, target)]
    if not to_print:
        return [target for _, target in kits]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # printing needs no script: pages built from contributors' text run none of it here
            page = browser.new_page(java_script_enabled=False)
            loaded: list[str] = []
            page.on("request", lambda request: loaded.append(request.url))
            for html, target in to_print:
                loaded.clear()
                page.goto(html.as_uri(), wait_until="load")
                page.evaluate("document.fonts.ready")
                page.pdf(path=str(target), format=paper, print_background=True, prefer_css_page_size=False)
                printed.keep(html, site_dir, loaded, target)
            browser.close()
    except Error as err:
        raise PrintError(str(err).splitlines()[0]) from None
    return [target for _, target in kits]


class PrintedKits:
    """PDFs printed before, each with the files it was printed from (the page and what it
    loaded, by digest), in a folder per printer: this module, the paper, Chromium's version
    and the system's fonts. Without a folder (no cache, or no way to know the fonts) it holds
    nothing and every kit is printed."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        self._digests: dict[Path, str | None] = {}

    @classmethod
    def open(cls, cache_dir: Path | None, paper: str) -> PrintedKits:
        printer = _printer(paper) if cache_dir else None
        if not printer:
            return cls(None)
        directory = cache_dir / f"kits-{printer[:16]}"
        prune(cache_dir, directory)
        return cls(directory)

    def restore(self, html: Path, site_dir: Path, target: Path) -> bool:
        """Copy the PDF printed from these very files to ``target``; False if there is none."""
        if self.directory is None:
            return False
        key = self._digest(html)
        try:
            made_from = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
            if not all(self._digest(site_dir / name) == digest for name, digest in made_from["files"].items()):
                return False
            pdf = self.directory / f"{key}.pdf"
            with pdf.open("rb") as stored:
                if stored.read(5) != b"%PDF-":
                    return False
            shutil.copyfile(pdf, target)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return False
        touch(pdf)
        return True

    def keep(self, html: Path, site_dir: Path, loaded: list[str], target: Path) -> None:
        """Remember ``target`` as printed from ``html`` and the files it ``loaded`` (URLs); a page
        that loaded anything but files of the site is not kept."""
        if self.directory is None:
            return
        files = {}
        for url in loaded:
            parts = urlsplit(url)
            if parts.scheme == "data":
                continue
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or not path.is_relative_to(site_dir) or not path.is_file():
                return
            files[path.relative_to(site_dir).as_posix()] = self._digest(path)
        if html.relative_to(site_dir).as_posix() not in files:
            return  # what was loaded went unseen: nothing to tell a changed file by
        key = self._digest(html)
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            # the PDF first, then what says it is whole: two builds may print side by side
            _write_whole(self.directory / f"{key}.pdf", target.read_bytes())
            _write_whole(self.directory / f"{key}.json", json.dumps({"files": files}).encode())
        except OSError:
            pass  # a cache that cannot be written only means the next build prints again

    def _digest(self, path: Path) -> str | None:
        if path not in self._digests:
            try:
                self._digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._digests[path] = None
        return self._digests[path]


def _printer(paper: str) -> str | None:
    """What a kit's PDF depends on besides its files, or None when the fonts cannot be listed
    (no fontconfig: a font installed later would not be noticed, so nothing is kept)."""
    try:
        version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30, check=False).stdout
        fonts = subprocess.run(["fc-list", "--format", "%{file} %{fontversion}\\n"], capture_output=True, check=False,
                               timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if fonts.returncode != 0 or not fonts.stdout or not version:
        return None
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for part in (paper.encode(), version.encode(), b"\n".join(sorted(fonts.stdout.splitlines()))):
        digest.update(b"\0" + part)
    return digest.hexdigest()


def _write_whole(path: Path, data: bytes) -> None:
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
        out.write(data)
    os.replace(out.name, path)
