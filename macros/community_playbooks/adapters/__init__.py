"""Adapters: the flow plugged into MkDocs, mkdocs-macros, the command line, a printer and an export."""
