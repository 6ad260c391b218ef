"""What the browser and site tests share: the shipped library, and a page's own address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from community_playbooks.content.loader import load_library

from ..conftest import ROOT


@pytest.fixture(scope="session")
def library():
    """The shipped library, read once for every site test that compares a page to its data."""
    return load_library(ROOT)


def address_query(page) -> dict[str, list[str]]:
    """The query of the page's address as the page itself holds it: Playwright's page.url learns
    of history.replaceState a moment later."""
    return parse_qs(urlsplit(page.evaluate("location.href")).query)
