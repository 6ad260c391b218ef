"""The MkDocs plugin: the content flow plugged into a build.

``on_config`` loads and checks the library before anything is written, so a content
problem stops the build with the list of problems and leaves the last good site in place.
``on_files`` adds every generated page and data file, each edit link pointing at the file
it was made from. Under `mkdocs serve --dirty` only the pages whose content changed are
written again. Every page's HTML gets Chinese typography right, and its tables a label in
each cell for a phone's card layout (``on_page_content``). After
the build the site's search index is made (``search``), and with ``launch_kit_pdf`` every
launch kit is printed to PDF.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..content.cache import trusted_cache_dir
from ..content.library import Library
from ..content.loader import Loader
from ..content.validation import SCHEMA_DIR
from ..errors import ContentError, quoted
from ..render.context import Site
from ..render.dialect import HELP, PAGE_KINDS, PROJECT, front_matter_values
from ..render.manifest import site_files
from ..render.strings import theme_values
from ..render.tables import label_cells
from ..render.typography import chinese_typography
from .search import SearchIndexError, index_site
from .site_config import PlaybooksConfig, language_of, localise_theme, renders_macros, site_for

CONTRIBUTING_PAGE = "contributing.md"  # the repository's CONTRIBUTING file, as the site's page


class PlaybooksPlugin(BasePlugin[PlaybooksConfig]):
    def __init__(self) -> None:
        self.loader: Loader | None = None
        self.site: Site | None = None  # the site of the build under way, for the page macros too
        self.serving = False
        self.dirty = False
        # Under `mkdocs serve --dirty`, a generated file is written again only when its content
        # changed. The plugin outlives a rebuild (it has on_startup): these digests are those of
        # the last successful build, and those of the build under way.
        self._built: dict[str, int] = {}
        self._building: dict[str, int] = {}
        self._generated: set[str] = set()  # the src_uri of every page this build generated

    # --- the library ----------------------------------------------------------------------

    @property
    def library(self) -> Library:
        """The checked library of the build under way; raises the build's error on a problem."""
        assert self.loader is not None, "on_config has not run"
        try:
            return self.loader.load()
        except ContentError as err:
            message = "The playbook content has problems:\n" + err.report()
            # under `serve` a failed rebuild must not end the server: the next save retries
            raise (PluginError(message) if self.serving else Abort(message)) from None

    # --- events -----------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = _project_root(config)
        schemas = Path(self.config.schemas) if self.config.schemas else SCHEMA_DIR
        if self.loader is None or (self.loader.root, self.loader.content_dir, self.loader.schema_dir) != \
                (root, self.config.content, schemas):
            self.loader = Loader(root, self.config.content, schemas)
        for folder in (self.loader.content, schemas):
            if str(folder) not in config.watch:
                config.watch.append(str(folder))
        # what the site's own templates read; the header offers the site's search where it is indexed
        config.extra["cp"] = {**theme_values(language_of(config).code), "pagefind": self.config.search}
        localise_theme(config)
        # load and check now, before anything is written
        self.site = site_for(self.library, config, pdf=self._printing())
        return config

    @event_priority(100)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site = self.site
        assert site is not None, "on_config has not run"
        self._building.clear()
        root = _project_root(config)
        docs = Path(config.docs_dir).resolve().relative_to(root)
        # edit links are resolved against edit_uri, which points at the docs folder: climb out of it
        to_root = "../" * len(docs.parts)
        self._generated.clear()
        for generated in site_files(site, self.config.content):
            if generated.uri.endswith(".md"):
                self._generated.add(generated.uri)
            if files.get_file_from_path(generated.uri) is not None:
                raise Abort(f"{docs.as_posix()}/{generated.uri} clashes with a page generated from "
                            f"{self.config.content}/; remove or rename {docs.as_posix()}/{generated.uri}")
            file = File.generated(config, generated.uri, content=generated.content)
            if generated.edit_path:
                file.edit_uri = to_root + generated.edit_path
            if self.dirty:
                self._skip_if_unchanged(file, generated.content)
            files.append(file)
        # one contributing guide per language: the repository's CONTRIBUTING file is also the site's page
        guide = File.generated(config, CONTRIBUTING_PAGE, abs_src_path=str(root / self.config.contributing))
        guide.edit_uri = to_root + self.config.contributing
        files.append(guide)
        if self.dirty:
            for file in files.documentation_pages():
                if not file.generated_by and renders_macros(file.content_string):
                    # its macros read the library, which may have changed though the file did not
                    file.is_modified = lambda: True  # type: ignore[method-assign]
        return files

    @event_priority(100)  # before any plugin reads the page's meta
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self._generated:
            written = front_matter_values(page.file.content_string)
            # a front matter MkDocs cannot read is shown as Markdown, contributor text and all
            if written is not None and page.meta != written:
                message = (f"the front matter of the generated page {page.file.src_uri} does not read back as it "
                           f"was written (read: {quoted(page.meta, 200)}); the page is not published")
                raise (PluginError if self.serving else Abort)(message)
        if page.file.src_uri == CONTRIBUTING_PAGE:  # the repository's file: no front matter of ours
            page.meta.setdefault("kind", PROJECT)
        if page.meta.get("kind", HELP) not in PAGE_KINDS:
            message = (f"{page.file.src_uri}: the kind in its front matter, \"{quoted(page.meta['kind'], 40)}\", is "
                       f"none of {', '.join(PAGE_KINDS)} (what search files the page under)")
            raise (PluginError if self.serving else Abort)(message)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # hand-written pages too: their wrapped Chinese lines would otherwise show as gaps
        lang = language_of(config).code
        links = list(page.toc)
        while links:  # the table of contents repeats the headings' text: the same rules
            link = links.pop()
            link.title = chinese_typography(link.title, lang=lang)
            links.extend(link.children)
        return label_cells(chinese_typography(html, lang=lang))

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config: MkDocsConfig) -> None:
        self._built.update(self._building)
        self._building.clear()
        if self.config.search:
            try:
                index_site(Path(config.site_dir), language_of(config).code)
            except SearchIndexError as err:
                raise (PluginError if self.serving else Abort)(f"Could not index the site for search: {err}") from None
        if not self._printing():
            return
        from .printing import PrintError, print_launch_kits

        try:
            print_launch_kits(self.library, Path(config.site_dir), directory_urls=config.use_directory_urls,
                              cache_dir=trusted_cache_dir(self.loader.root))
        except PrintError as err:
            raise Abort(f"Could not print the launch kits to PDF: {err}") from None

    # --- helpers ----------------------------------------------------------------------------

    def _printing(self) -> bool:
        return self.config.launch_kit_pdf and not self.serving

    def _skip_if_unchanged(self, file: File, content: str | bytes) -> None:
        digest = hash(content)
        self._building[file.src_uri] = digest
        unchanged = self._built.get(file.src_uri) == digest and Path(file.abs_dest_path).is_file()
        file.is_modified = lambda: not unchanged  # type: ignore[method-assign]


def _project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent
