"""Community Playbooks: YAML playbooks in, validated, cross-linked Markdown pages out.

The flow runs one way: ``yamlsource`` reads files, ``schema`` validates them,
``model`` turns them into dataclasses, ``linker`` resolves references into a
``Library``, ``render`` turns entries into Markdown and ``pages`` lists the pages
of a site. ``hooks`` (MkDocs) and ``main`` (mkdocs-macros) only plug that flow
into a build; nothing here imports MkDocs except those two.
"""
