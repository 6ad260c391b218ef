"""Form controls for the tools and the index filters, each with a label tied to it by id.

A label that wraps its select would also take the select's option texts into the
control's accessible name; ``for``/``id`` names it with the label alone.
"""

from __future__ import annotations

from typing import Iterable

from .fragments import Markup, fragment

_OPTIONS = fragment('<option value="">{{ empty }}</option>'
                    '{% for value, label in choices %}<option value="{{ value }}">{{ label }}</option>{% endfor %}')
_SELECT = fragment('<span class="cp-field"><label for="{{ id }}">{{ label }}</label>'
                   '<select id="{{ id }}" name="{{ name }}">{{ options }}</select></span>')
_NUMBER = fragment('<span class="cp-field"><label for="{{ id }}">{{ label }}</label>'
                   '<input id="{{ id }}" type="number" name="{{ name }}" min="2" step="1" inputmode="numeric" '
                   'placeholder="{{ placeholder }}"></span>')


def options(choices: Iterable[tuple[str, str]], empty: str) -> Markup:
    """``<option>`` elements: an empty first choice (``empty``), then (value, label) pairs."""
    return _OPTIONS(choices=list(choices), empty=empty)


def select_field(field_id: str, name: str, label: str, choices: Markup) -> Markup:
    return _SELECT(id=field_id, name=name, label=label, options=choices)


def number_field(field_id: str, name: str, label: str, placeholder: str) -> Markup:
    return _NUMBER(id=field_id, name=name, label=label, placeholder=placeholder)
