"""Passage tags in the app.

state.py    what a session remembers (selection, passages, undo/redo, counts): no Textual
writer.py   tag files written one job at a time, in key order, off the UI thread
controller.py  the Textual side: keys to changes, results to the reader and Tags tab
messages.py what widgets and screens post; routes.py, mixed into the app, acts on them
lines.py    how passages read in lists and on the status line
picker.py, remove.py, tab.py, tags_screen.py, orphans_screen.py: the widgets and screens

Kept free of imports, so that `tui.tagging.state` loads without Textual.
"""
