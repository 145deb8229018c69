"""Passage tags in the app: the tagging state (state.py, no Textual), the controller that
applies it to the reader (controller.py), the messages widgets post (messages.py), and the
picker, remove dialog, Tags tab, Tags and Orphans screens.

Kept free of imports so that `tui.tagging.state` loads without Textual.
"""
