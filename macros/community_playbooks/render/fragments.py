"""Raw HTML fragments of the pages, made by templates that escape every value.

Checklist items, forms and the tools' markup are HTML inside the Markdown. Each fragment is
a small Jinja template compiled with autoescaping, so a value can only ever be text or an
attribute value; ``Markup`` marks the few values that are HTML already (another fragment).
Values come in as plain text: never pass Markdown here.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import jinja2
from markupsafe import Markup, escape

__all__ = ["Markup", "escape", "fragment", "json_script"]

# Undefined values fail loudly: a misspelt name must not render as nothing.
_ENVIRONMENT = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=False)


def fragment(source: str) -> Callable[..., Markup]:
    """Compile a one-line HTML template once; call the result with its values."""
    template = _ENVIRONMENT.from_string(source)

    def render(**values: Any) -> Markup:
        return Markup(template.render(**values))

    return render


def json_script(element_id: str, data: Any) -> Markup:
    """Data for the page script, in a script element that can never close early or run."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup('<script type="application/json" id="{}">').format(element_id) + Markup(text) + Markup("</script>")
