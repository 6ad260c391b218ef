"""Print each playbook's launch kit page to PDF with headless Chromium, after a build.

The PDF is what a reader gets from the browser's own print dialog, because it is made by
a browser from the same page and the same print stylesheet: no second layout to drift.
Chromium is driven through Playwright; it is the system's Chromium (``CHROMIUM``, else the
first of ``BROWSERS`` there is), since Playwright's own browser download is not needed.
"""

from __future__ import annotations

import os
from pathlib import Path

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


def print_launch_kits(library: Library, site_dir: Path, paper: str = PAPER, *, directory_urls: bool = True) -> list[Path]:
    """Write ``launch-kit.pdf`` next to every kit page of the site in ``site_dir``."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise PrintError("Playwright is not installed: `make build` sets it up (pip install -e '.[pdf]')") from None
    if not Path(CHROMIUM).exists():
        raise PrintError(f"{CHROMIUM} does not exist: install Chromium (Debian: apt-get install chromium) "
                         "or point the CHROMIUM variable at it")
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # printing needs no script: pages built from contributors' text run none of it here
            page = browser.new_page(java_script_enabled=False)
            for playbook in library.playbooks.values():
                url = page_url(kit_uri(playbook.id), directory_urls)
                html = site_dir / (url + "index.html" if url.endswith("/") else url)
                if not html.exists():
                    raise PrintError(f"{html} was not built")
                page.goto(html.resolve().as_uri(), wait_until="load")
                page.evaluate("document.fonts.ready")
                target = site_dir / pdf_uri(playbook.id)
                page.pdf(path=str(target), format=paper, print_background=True, prefer_css_page_size=False)
                written.append(target)
            browser.close()
    except Error as err:
        raise PrintError(str(err).splitlines()[0]) from None
    return written
