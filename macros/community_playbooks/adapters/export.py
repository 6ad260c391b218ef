"""Write the whole site as plain Markdown: a docs folder and an mkdocs.yml any MkDocs can build.

Generated pages are written out, hand-written pages that use macros are rendered once
here, and the config loses the playbooks and macros plugins: the result needs neither.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable

import jinja2
import yaml
from mkdocs.utils.meta import get_data

from ..content.loader import Loader
from ..errors import ContentError, Problem
from ..render.context import Site
from ..render.manifest import site_files
from ..render.page_macros import page_macros
from ..render.strings import theme_values
from .site_build import swap_into_place
from .site_config import PLUGIN, localise_theme, plugin_options, read_config, renders_macros, site_for

# left in every export: only a folder holding it may be replaced by the next export
MARKER = ".community-playbooks-export"


def export_site(root: Path, out: Path, lang: str = "en") -> list[Path]:
    """Export the project at ``root`` into ``out`` (replaced if it exists); return the files written."""
    root, out = Path(root).resolve(), Path(out).resolve()
    config = read_config(root, lang)
    options = plugin_options(config)
    content_dir = options["content"]
    if out == root or root.is_relative_to(out) or out in (root / "docs", root / content_dir):
        raise ContentError([Problem(str(out), message="the export would replace the project itself",
                                    hint="export into a folder of its own, such as export/")])
    if out.is_symlink() or (out.exists() and not (out / MARKER).is_file() and any(out.iterdir())):
        raise ContentError([Problem(str(out), message="this folder exists and is not an earlier export: exporting "
                                    "would delete what it holds",
                                    hint="export into a new folder, such as export/, or empty this one first")])
    library = Loader(root, content_dir).load()
    # written beside the target and swapped in whole at the end: a failed export leaves the last one
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out.parent))
    try:
        (staging / MARKER).write_text("Written by `playbooks export`; the next export replaces this folder.\n",
                                      encoding="utf-8")
        _write(root, staging, site_for(library, config), config, options)
        swap_into_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sorted(p for p in out.rglob("*") if p.is_file())


def _write(root: Path, out: Path, site: Site, config: dict[str, Any], options: dict[str, Any]) -> None:
    docs_out = out / "docs"
    shutil.copytree(root / config.get("docs_dir", "docs"), docs_out)
    if config.get("theme", {}).get("custom_dir"):
        # the header shows the theme's own search where the theme's search plugin runs
        shutil.copytree(root / config["theme"]["custom_dir"], out / config["theme"]["custom_dir"])
    shutil.copy(root / options["contributing"], docs_out / "contributing.md")

    for page in sorted(docs_out.rglob("*.md")):
        uri = page.relative_to(docs_out).as_posix()
        page.write_text(render_page(page.read_text(encoding="utf-8"), uri, lambda u: page_macros(site.page(u))),
                        encoding="utf-8")

    for generated in site_files(site, options["content"]):
        target = docs_out / generated.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(generated.content, encoding="utf-8")

    plain = plain_config(config)
    localise_theme(plain)
    # what the plugin hands the theme's templates, written out for a build without the plugin
    plain["extra"] = {**plain.get("extra", {}), "cp": theme_values(site.lang)}
    (out / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plain_config(config: dict[str, Any]) -> dict[str, Any]:
    """The site config without the engine's plugins; everything else is kept as it is."""
    plain = dict(config)
    plain.pop("hooks", None)
    ours = ("macros", PLUGIN)
    plugins = config.get("plugins", [])
    if isinstance(plugins, dict):
        plain["plugins"] = {name: options for name, options in plugins.items() if name not in ours}
    else:
        plain["plugins"] = [p for p in plugins if not (p in ours or (isinstance(p, dict) and set(p) & set(ours)))]
    # the engine indexes the site with Pagefind; without it, the theme's own search does the job
    if isinstance(plain["plugins"], dict):
        plain["plugins"] = {"search": {}, **plain["plugins"]}
    elif "search" not in plain["plugins"]:
        plain["plugins"] = ["search", *plain["plugins"]]
    plain["docs_dir"] = "docs"
    plain["site_dir"] = "site"
    plain.pop("INHERIT", None)
    return plain


def render_page(text: str, uri: str, macros: Callable[[str], dict[str, Callable]]) -> str:
    """Render a page that opts in to macros, as mkdocs-macros would; leave every other page alone."""
    if not renders_macros(text):
        return text
    body, meta = get_data(text)
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    try:
        rendered = environment.from_string(body).render(**macros(uri))
    except (jinja2.TemplateError, ValueError, TypeError, KeyError) as err:
        # Jinja counts lines from the end of the front matter
        line = getattr(err, "lineno", None)
        line = line + text[:len(text) - len(body)].count("\n") if line else None
        raise ContentError([Problem(f"docs/{uri}", line, None, "", f"a macro failed: {err}")]) from None
    rest = {k: v for k, v in meta.items() if k != "render_macros"}
    head = f"---\n{yaml.safe_dump(rest, allow_unicode=True, sort_keys=False)}---\n" if rest else ""
    return head + rendered
