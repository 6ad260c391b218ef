"""Draws the picture a chat app shows beside a link to the site (og:image), one per language.

Run after changing the site's name or tagline; the PNGs are committed, since a build
should not need a browser.

    .venv/bin/python tools/social_cards.py
"""

from __future__ import annotations

import html
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "overrides" / "assets" / "images"
CARDS = {
    "en": ("Community Playbooks", "Start and run an online group: checklists to tick, texts to paste, pitfalls to avoid."),
    "zh": ("社群运营手册", "开群、管群的分步手册：可以勾选的清单，直接能发的群文案，提前避开的坑。"),
}
PAGE = """<!doctype html><meta charset="utf-8"><style>
body {{ margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
  padding: 0 96px; box-sizing: border-box; background: #00695c; color: #fff;
  font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; }}
h1 {{ margin: 0 0 32px; font-size: 84px; line-height: 1.1; }}
p {{ margin: 0; font-size: 42px; line-height: 1.4; opacity: .92; }}
</style><h1>{title}</h1><p>{tagline}</p>"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        for lang, (title, tagline) in CARDS.items():
            page.set_content(PAGE.format(title=html.escape(title), tagline=html.escape(tagline)))
            page.screenshot(path=str(OUT / f"social-{lang}.png"))
        browser.close()


if __name__ == "__main__":
    main()
