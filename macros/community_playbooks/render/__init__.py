"""The render layer: pure functions from a ``Library`` to the files of a site.

``manifest.site_files`` lists every generated file of one language's site. Pages are Markdown
in the dialect of ``dialect``, with raw HTML from the autoescaping templates of ``fragments``;
contributor text reaches both only through ``escape`` (Markdown) or a template (HTML).
Nothing here reads files or imports MkDocs: tests call it without a build.
"""
