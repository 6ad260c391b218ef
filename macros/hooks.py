"""MkDocs hook: plug the content flow into a build.

``on_config`` loads and validates the library before anything is written, so a content
problem stops the build with the problems' list and leaves the last good site in place.
``on_files`` adds every generated page and data file to the build, each edit link pointing
at the YAML file it was made from. Under `mkdocs serve --dirty` (`make preview`) only the
pages whose content changed are written again, and the search index is merged here.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.errors import ContentError
from macros.library import CONTENT_DIR, SCHEMA_PATH, load_library
from macros.linker import Library
from macros.pages import api_files, site_pages
from macros.searchindex import compact_search_index

_serving = False
_dirty = False
# Under `mkdocs serve --dirty`, a generated file is written again only when its content
# changed. MkDocs keeps this module between rebuilds, so these digests outlive a build:
# those of the last successful build, and those of the build under way.
_built: dict[str, int] = {}
_building: dict[str, int] = {}
# the search entries of the last build, and the pages this build renders (dirty rebuilds only)
_search_docs: list[dict] | None = None
_rendered: set[str] = set()
_pages: set[str] = set()


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = dirty


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def library_of(config: MkDocsConfig) -> Library:
    try:
        return load_library(project_root(config))
    except ContentError as err:
        message = "The playbook content has problems:\n" + err.report()
        # under `serve` a failed rebuild must not end the server: the next save retries
        raise (PluginError(message) if _serving else Abort(message)) from None


def language(config: MkDocsConfig) -> str:
    return config.theme.get("language") or "en"


def launch_kits_wanted(config: MkDocsConfig) -> bool:
    """The build prints every launch kit to PDF when ``extra.launch_kit_pdf`` is true
    (``make build`` sets it through the CP_PDF environment variable; `serve` never does)."""
    return bool(config.extra.get("launch_kit_pdf")) and not _serving


def contributing_file(lang: str) -> str:
    return "CONTRIBUTING.md" if lang == "en" else f"CONTRIBUTING.{lang}.md"


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = project_root(config)
    for folder in (root / CONTENT_DIR, SCHEMA_PATH):
        if str(folder) not in config.watch:
            config.watch.append(str(folder))
    library_of(config)
    return config


@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    library = library_of(config)
    _building.clear()
    _rendered.clear()
    generated = site_pages(library, language(config), site_url=config.site_url or "",
                           pdf=launch_kits_wanted(config)) + api_files(library, language(config))
    docs = Path(config.docs_dir).resolve().relative_to(project_root(config))
    # edit links are resolved against edit_uri, which points at the docs folder: climb out of it
    to_root = "../" * len(docs.parts)
    for page in generated:
        if files.get_file_from_path(page.uri) is not None:
            raise Abort(f"{docs.as_posix()}/{page.uri} clashes with a page generated from {CONTENT_DIR}/; "
                        f"remove or rename {docs.as_posix()}/{page.uri}")
        file = File.generated(config, page.uri, content=page.content)
        if page.edit_path:
            file.edit_uri = to_root + page.edit_path
        if _dirty:
            _skip_if_unchanged(file, page.content)
        files.append(file)
    # one contributing guide per language: the repository's CONTRIBUTING files are also the site's pages
    name = contributing_file(language(config))
    guide = File.generated(config, "contributing.md", abs_src_path=str(project_root(config) / name))
    guide.edit_uri = to_root + name
    files.append(guide)
    if _dirty:
        _pages.clear()
        _pages.update(file.url for file in files.documentation_pages())
        for file in files.documentation_pages():
            if not file.generated_by and _renders_macros(file):
                # its macros read the library, which may have changed though the file did not
                file.is_modified = lambda: True  # type: ignore[method-assign]
    return files


def _skip_if_unchanged(file: File, content: str | bytes) -> None:
    digest = hash(content)
    _building[file.src_uri] = digest
    unchanged = _built.get(file.src_uri) == digest and Path(file.abs_dest_path).is_file()
    file.is_modified = lambda: not unchanged  # type: ignore[method-assign]


def _renders_macros(file: File) -> bool:
    head = Path(file.abs_src_path or "").read_text(encoding="utf-8")[:2000]
    return head.startswith("---") and "render_macros: true" in head.split("---", 2)[1]


def on_page_context(context, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001, ANN201 - passed through
    if _dirty:
        _rendered.add(page.url)
    return context


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    global _search_docs
    _built.update(_building)
    _building.clear()
    rewritten = compact_search_index(Path(config.site_dir), previous=_search_docs, rebuilt=_rendered,
                                     pages=_pages)
    if _dirty and rewritten:
        _search_docs = rewritten.docs
    if not launch_kits_wanted(config):
        return
    from macros.printing import PrintError, print_launch_kits

    library = library_of(config)
    try:
        print_launch_kits(library, Path(config.site_dir))
    except PrintError as err:
        raise Abort(f"Could not print the launch kits to PDF: {err}") from None
