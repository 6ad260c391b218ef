"""The site's search index: Pagefind, run over the built pages of one language.

Pagefind splits the index into small fragments that the browser fetches only for the words
a reader types, so a visitor who never searches downloads none of it, and one who does
downloads a few kilobytes per word, however large the library grows. It segments Chinese
words itself (the "extended" build), and it indexes only what a page marks as its body
(``data-pagefind-body``), less what the page marks ``data-pagefind-ignore``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUTPUT = "pagefind"
# the theme's chrome inside a page's body: its permalink signs, tags and edit buttons
IGNORED = ".headerlink, .md-tags, .md-content__button, .md-source-file"


class SearchIndexError(Exception):
    """Pagefind failed, or is not installed."""


def index_site(site_dir: Path) -> None:
    """Write ``site_dir/pagefind/``, the search index of the pages in ``site_dir``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT,
               "--exclude-selectors", IGNORED, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise SearchIndexError(str(err)) from None
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip()[-2000:] or f"exit status {result.returncode}")
