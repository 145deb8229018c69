"""The `cuttings` command line and the Textual app.

This package's import is kept light: the command line loads textual only when it opens the app,
so scripting commands such as `cuttings search` start fast.
"""
