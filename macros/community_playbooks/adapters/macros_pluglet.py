"""mkdocs-macros pluglet: macros for the project's own hand-written pages in ``docs/``.

Only pages that opt in with ``render_macros: true`` are rendered (``render_by_default``
is off), and generated pages never opt in: contributor text is never a template. The
library is the one the playbooks plugin loaded and checked for this build.
"""

from __future__ import annotations

from ..render.page_macros import page_macros


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    plugin = env.conf.plugins.get("playbooks")
    if plugin is None:
        raise RuntimeError("the page macros need the playbooks plugin: list it under plugins: in mkdocs.yml")
    site = plugin.site  # the plugin's own: the same address, URL style and printed kits as its pages

    def bind(name: str, doc: str | None):  # noqa: ANN202 - the macro, for the page being rendered
        def macro(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            page = env.page.file.src_uri if env.page else "index.md"
            return page_macros(site.page(page))[name](*args, **kwargs)

        macro.__name__, macro.__doc__ = name, doc
        return macro

    for name, function in page_macros(site.page()).items():
        env.macro(bind(name, function.__doc__), name)
