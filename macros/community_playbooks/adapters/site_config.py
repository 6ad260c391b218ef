"""A language's site as its MkDocs config describes it: the one place the engine reads a config.

The plugin gets the config MkDocs loaded; the export, the build and the live preview read the
config files as written, with MkDocs' own YAML loader (so ``INHERIT`` and ``!ENV`` mean what
they mean to MkDocs). Every one of them gets the plugin's options, the page's language, the
``Site`` to render and the decision whether a hand-written page runs macros from here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Mapping

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from ..content.kinds import CONTENT_DIR
from ..content.languages import SITE_LANGUAGES, Language, language
from ..content.library import Library
from ..render.context import Site
from ..render.strings import t

PLUGIN = "playbooks"


class PlaybooksConfig(base.Config):
    content = c.Type(str, default=CONTENT_DIR)
    """The content folder, relative to the config file."""
    schemas = c.Optional(c.Dir(exists=True))
    """A folder of JSON Schemas to check the content against; the engine's own by default."""
    contributing = c.Type(str, default="CONTRIBUTING.md")
    """The contributing guide of this language, relative to the config file: the site's `contributing.md`."""
    launch_kit_pdf = c.Type(bool, default=False)
    """Print every launch kit to PDF after `mkdocs build` (never under `mkdocs serve`)."""
    search = c.Type(bool, default=True)
    """Index the built site for the site's own search (Pagefind), loaded only when a reader searches."""


def language_of(config: Mapping[str, Any]) -> Language:
    """The language of a site, from its theme (a loaded config or one as written)."""
    return language((config.get("theme") or {}).get("language") or SITE_LANGUAGES[0].code)


def localise_theme(config: Any) -> None:
    """The theme's words that a config sets (the colour-scheme toggles, the headings' permanent
    links) in the site's language: MkDocs reads them from the config, where one language's
    words would show on every language's pages."""
    lang = language_of(config).code
    for scheme in config["theme"].get("palette") or []:
        if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict):
            scheme["toggle"]["name"] = t("palette_to_light" if scheme.get("scheme") == "slate" else "palette_to_dark",
                                         lang)
    permalink = t("permalink", lang)
    if "mdx_configs" in config:  # a config MkDocs loaded: extensions by name, their options apart
        if "toc" in config["markdown_extensions"]:
            config["mdx_configs"].setdefault("toc", {})["permalink_title"] = permalink
        return
    extensions = config.get("markdown_extensions") or []  # a config as written: [name or {name: options}]
    for i, item in enumerate(extensions):
        if item == "toc":
            extensions[i] = {"toc": {"permalink_title": permalink}}
        elif isinstance(item, dict) and "toc" in item:
            item["toc"] = {**(item["toc"] or {}), "permalink_title": permalink}


def site_for(library: Library, config: Mapping[str, Any], *, pdf: bool = False, today: date | None = None) -> Site:
    """The ``Site`` every page of this config is rendered for: its language, public address,
    URL style, whether its launch kits are printed, and the repository issues are sent to."""
    return Site(library, language_of(config).code, today or date.today(), site_url=config.get("site_url") or "",
                directory_urls=config.get("use_directory_urls", True), pdf=pdf, repo_url=config.get("repo_url") or "")


def config_path(root: Path, lang: str) -> Path:
    return Path(root) / language(lang).config


def read_config(root: Path, lang: str) -> dict[str, Any]:
    """A language's config as written, ``INHERIT`` merged and ``!ENV`` resolved as MkDocs does."""
    with open(config_path(root, lang), "rb") as file:
        return yaml_load(file, get_yaml_loader(yaml.SafeLoader))


def plugin_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """The playbooks plugin's options in a config as written, with the plugin's defaults."""
    defaults = {name: option.default for name, option in PlaybooksConfig._schema}
    plugins = config.get("plugins", [])
    if isinstance(plugins, Mapping):
        return defaults | dict(plugins.get(PLUGIN) or {})
    return defaults | next((dict(p[PLUGIN] or {}) for p in plugins if isinstance(p, Mapping) and PLUGIN in p), {})


def renders_macros(text: str) -> bool:
    """Whether a hand-written page opts in to macros (``render_macros: true`` in its front
    matter), read as MkDocs and mkdocs-macros read it."""
    return get_data(text)[1].get("render_macros") is True
