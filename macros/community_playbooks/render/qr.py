"""A QR code for a printed page: a phone held over the paper opens the interactive page.

segno draws it: a small, dependency-free encoder that writes SVG (no image library, and
vector output stays sharp at any printer's resolution). The code is inline SVG rather than
an ``<img>`` with a ``data:`` URL, so the page holds no embedded-data links at all.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import segno

from .fragments import Markup


@lru_cache(maxsize=4096)  # a playbook's page and its kit print the same code
def qr_svg(url: str) -> Markup | None:
    """The QR code of ``url`` as inline SVG, or ``None`` when ``url`` is not a web address
    (a local build without ``site_url`` has no address worth printing)."""
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    # Medium error correction survives a crease or a coffee ring. A fixed mask skips the search
    # for the best of eight, which is nine tenths of the work: every mask scans, the search
    # only makes some codes a little easier for a poor camera.
    svg = segno.make(url, error="m", micro=False, mask=4).svg_inline(scale=4, border=2, omitsize=True,
                                                           svgclass=None, lineclass=None)
    return Markup(svg)
