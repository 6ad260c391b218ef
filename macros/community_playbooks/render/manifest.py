"""Every generated file of one language's site: the end of the render layer.

``site_files`` is the manifest an adapter writes or hands to a builder: pages (Markdown),
calendars (iCalendar) and the JSON API, each with the repository file it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.kinds import CONTENT_DIR, KINDS
from ..content.model import Entry
from ..content.validation import SCHEMA_SOURCE
from .api import api_files
from .context import Site
from .pages.checklist_builder import builder_page
from .pages.compare import compare_page
from .pages.field_reference import reference_index, reference_page, reference_uri
from .pages.guide import guide_page
from .pages.indexes import index_page
from .pages.launch_kit import kit_page
from .pages.pitfall import pitfall_page
from .pages.platform_facts import platform_page
from .pages.propose import FORM_DATA, PROPOSE_PAGE, form_data, propose_page
from .pages.playbook import playbook_page
from .pages.ritual import ritual_page
from .pages.stage import stage_page
from .pages.symptom_finder import symptom_finder_page
from .pages.tools import TOOL_PAGES
from .pages.translations import PAGE as TRANSLATIONS_PAGE, translation_page
from .ritual_calendar import has_calendar, recurrence, ritual_calendar
from .urls import calendar_uri, kit_uri, page_uri

ENTRY_PAGES = {"playbook": playbook_page, "pitfall": pitfall_page, "ritual": ritual_page, "stage": stage_page,
               "guide": guide_page, "platform": platform_page}


@dataclass(frozen=True)
class GeneratedFile:
    """A file of the built site that exists only in memory.

    ``uri`` is its path in the docs tree; ``edit_path`` the repository file a contributor
    edits to change it (``None`` for files with no single source).
    """

    uri: str
    content: str
    edit_path: str | None = None


def entry_page(site: Site, entry: Entry) -> str:
    """The page of any entry."""
    return ENTRY_PAGES[entry.kind](site, entry)


def site_files(site: Site, content_dir: str = CONTENT_DIR) -> list[GeneratedFile]:
    """Every generated page and file of one language's site.

    An index per kind, a page per entry, a launch kit and a ritual calendar per playbook,
    the tools, the translation status, the Propose page, the field reference and the JSON API.
    """
    library = site.library
    files = [GeneratedFile(page_uri(kind.name), index_page(site, kind.name)) for kind in KINDS]
    for entry in library.all_entries():
        files.append(GeneratedFile(page_uri(entry.kind, entry.id), entry_page(site, entry), entry.file))
    for playbook in library.playbooks.values():
        files.append(GeneratedFile(kit_uri(playbook.id), kit_page(site, playbook), playbook.file))
        if has_calendar(library, playbook):
            address = site.address(page_uri("playbook", playbook.id)) if site.site_url else ""
            files.append(GeneratedFile(calendar_uri(playbook.id),
                                       ritual_calendar(library, playbook, site.lang, site.today, address)))
            for run in library.schedule(playbook):  # each ritual on its own too, for a reader who wants one
                if recurrence(run.cadence):
                    files.append(GeneratedFile(calendar_uri(playbook.id, run.ritual.id), ritual_calendar(
                        library, playbook, site.lang, site.today, address, run.ritual.id)))
    files += [GeneratedFile(TOOL_PAGES["symptoms"].uri, symptom_finder_page(site)),
              GeneratedFile(TOOL_PAGES["compare"].uri, compare_page(site)),
              GeneratedFile(TOOL_PAGES["builder"].uri, builder_page(site)),
              GeneratedFile(TRANSLATIONS_PAGE, translation_page(site))]
    if library.schemas:  # the form is made from the schemas
        files += [GeneratedFile(PROPOSE_PAGE, propose_page(site)), GeneratedFile(FORM_DATA, form_data(site))]
    if library.schemas:
        files.append(GeneratedFile("reference/index.md", reference_index(site.lang)))
        files += [GeneratedFile(reference_uri(kind.name), reference_page(library.schemas, kind.name, site.lang,
                                                                         content_dir),
                                f"{SCHEMA_SOURCE}/{kind.schema_file}") for kind in KINDS]
    files += [GeneratedFile(uri, text) for uri, text in api_files(site)]
    return files
