"""Cuttings' domain and storage: articles, importers, entities, issues, passage tags, export.

Nothing here imports textual; the command line and the app build on this package.
"""
