"""The content layer: YAML files in, a validated, linked ``Library`` out.

``loader`` runs the flow: ``yaml_reader`` reads a file safely, ``validation`` checks it
against its JSON Schema (``schemas/``), ``model`` builds typed entries, ``linker`` resolves
references into a ``library.Library`` and ``rules`` checks what the schema cannot say.
Nothing here renders or knows about MkDocs.
"""
