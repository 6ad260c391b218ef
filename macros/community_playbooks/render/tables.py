"""Tables a phone can read: every data cell labelled with its column's heading.

A table wider than a phone either scrolls sideways, hiding most of each row, or squeezes
its words until they break mid-word. Below 600 px the stylesheet lays each row out as a
card instead, one line per cell, each line starting with ``data-label``: the heading of
its column, taken here from the table's own ``<thead>``. The mark is an attribute, not a
class: the theme styles (and wraps for scrolling) only tables without a class. Tables the
engine lays out itself (``class`` set) are left alone.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_HEADING = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td(?=[\s>])")
_TAG = re.compile(r"<[^>]+>")


def label_cells(page: str) -> str:
    """``page`` with each plain table's data cells labelled by their column's heading."""
    return _TABLE.sub(_labelled, page)


def _labelled(table: re.Match[str]) -> str:
    body = table.group(1)
    head = _HEAD.search(body)
    if not head:
        return table.group(0)
    # the heading as text: tags dropped, entities read, then escaped once for the attribute
    labels = [html.escape(html.unescape(_TAG.sub("", cell)).strip(), quote=True)
              for cell in _HEADING.findall(head.group(1))]

    def row(match: re.Match[str]) -> str:
        cells = iter(labels)
        return "<tr>" + _CELL.sub(lambda _: f'<td data-label="{next(cells, "")}"', match.group(1)) + "</tr>"

    return f'<table data-cp-cards>{body[:head.end()]}{_ROW.sub(row, body[head.end():])}</table>'
