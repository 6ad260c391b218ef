"""Community Playbooks: YAML playbooks in, validated, cross-linked pages out.

The package is laid out as the flow, and each layer imports only the layers before it:

- ``content``: find, read, validate and link the YAML files into a ``Library``;
- ``render``: pure functions from the library to Markdown pages and data files;
- ``adapters``: plug the flow into MkDocs (a plugin), mkdocs-macros, the command line,
  a PDF printer and the Markdown export.
"""
