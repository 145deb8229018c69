"""What a damaged index file looks like when it is read, and how it is named in one line.

Its own module because the merging process, the repair and the search all need it, and the
repair builds with the writer, which starts the merging.
"""

from __future__ import annotations

import pickle
import struct
import zlib

# What reading a truncated or overwritten index file raises (a bug in our code raises others)
DAMAGE = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError, UnicodeDecodeError, IndexError)


def describe(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:80]}" if text else type(exc).__name__
