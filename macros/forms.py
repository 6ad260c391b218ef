"""Form controls for the tools and the index filters, each with a label tied to it by id.

A label that wraps its select would also take the select's option texts into the
control's accessible name; ``for``/``id`` names it with the label alone.
"""

from __future__ import annotations

import html
from typing import Iterable


def options(choices: Iterable[tuple[str, str]], empty: str) -> str:
    """``<option>`` elements: an empty first choice (``empty``), then (value, label) pairs."""
    first = f'<option value="">{html.escape(empty)}</option>'
    return first + "".join(f'<option value="{html.escape(v)}">{html.escape(label)}</option>' for v, label in choices)


def select_field(field_id: str, name: str, label: str, choices: str) -> str:
    return (f'<span class="cp-field"><label for="{field_id}">{html.escape(label)}</label>'
            f'<select id="{field_id}" name="{name}">{choices}</select></span>')


def number_field(field_id: str, name: str, label: str, placeholder: str) -> str:
    return (f'<span class="cp-field"><label for="{field_id}">{html.escape(label)}</label>'
            f'<input id="{field_id}" type="number" name="{name}" min="2" step="1" inputmode="numeric" '
            f'placeholder="{html.escape(placeholder)}"></span>')
