"""The output sanitiser, for any string: nothing a terminal would obey gets out, safe text is
untouched, offsets and cell widths behave as the callers rely on, and a console prints any
string as itself.

A deeper run: HYPOTHESIS_MAX_EXAMPLES=20000 python -m pytest -n0 tests/test_safetext.py
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from library.safetext import remove_unsafe, shorten, visible
from tui.console import SafeConsole, print_json

EXAMPLES = settings(max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "200")), deadline=None)
BIDI = {0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
SGR = re.compile(r"\x1b\[[0-9;]*m")


def unsafe(c: str) -> bool:
    return unicodedata.category(c) == "Cc" or ord(c) in BIDI


# mostly the characters that matter, with any other code point mixed in
HOSTILE_CHARS = st.one_of(
    st.sampled_from(["\x1b", "\x07", "\x9b", "\x9d", "\x7f", "\n", "\t", "\r", "\u202e", "\u2066", "\u2069",
                     "\u200f", "\u2028", "[", "]", "/", "=", ":", ";", "é", "語", "🙂", "\u0301"]),
    st.characters(codec="utf-8"),
)
TEXT = st.text(HOSTILE_CHARS, max_size=60)
SAFE_TEXT = st.text(st.characters(codec="utf-8").filter(lambda c: not unsafe(c)), max_size=60)


@EXAMPLES
@given(TEXT)
def test_visible_leaves_nothing_a_terminal_obeys_and_keeps_every_offset(text):
    shown = visible(text)
    assert not any(unsafe(c) for c in shown)
    assert len(shown) == len(text)
    assert all(a == b for a, b in zip(text, shown) if not unsafe(a))
    assert cell_len(shown) >= cell_len(text)


@EXAMPLES
@given(TEXT)
def test_visible_lines_keeps_line_breaks_only(text):
    shown = visible(text, lines=True)
    assert not any(unsafe(c) for c in shown if c != "\n")
    assert shown.split("\n") == [visible(line.replace("\t", " ")) for line in text.split("\n")]


@EXAMPLES
@given(SAFE_TEXT)
def test_safe_text_is_unchanged(text):
    assert visible(text) == visible(text, lines=True) == remove_unsafe(text) == text


@EXAMPLES
@given(TEXT)
def test_removing_keeps_the_width_of_laid_out_text(text):
    kept = remove_unsafe(text)
    assert not any(unsafe(c) for c in kept)
    assert cell_len(kept) == cell_len(text), "the app's line filter must not move anything on screen"
    assert remove_unsafe(text, lines=True).split("\n") == [remove_unsafe(line) for line in text.split("\n")]


@EXAMPLES
@given(TEXT, st.booleans())
def test_a_console_prints_any_string_as_its_visible_self(text, as_text):
    out = io.StringIO()
    console = SafeConsole(file=out, force_terminal=True, color_system="truecolor", width=100)
    if as_text:
        text = Text(text, style="bold")
    console.print(text, soft_wrap=True)
    printed = SGR.sub("", out.getvalue())
    assert not any(unsafe(c) for c in printed if c != "\n")
    assert printed == visible(str(text), lines=True) + "\n"  # a Text has already dropped \r, \b and the like


@EXAMPLES
@given(st.dictionaries(TEXT, TEXT, max_size=3))
def test_json_lines_hold_no_raw_unsafe_character_and_read_back_the_same(data):
    with contextlib.redirect_stdout(io.StringIO()) as out:
        print_json(data)
    line = out.getvalue()
    assert line.endswith("\n") and line.count("\n") == 1
    assert not any(unsafe(c) for c in line[:-1])
    assert json.loads(line) == data


def test_a_long_quote_is_cut_to_its_limit_with_an_ellipsis_at_a_word_end():
    assert shorten("Xi warned   the\nUnited States", 14) == "Xi warned the…"
    assert shorten("Xi warned the United States", 11) == "Xi warned…"  # no space before the mark
    assert shorten("  short\tquote ", 70) == "short quote"


@EXAMPLES
@given(TEXT, st.integers(min_value=1, max_value=80))
def test_a_shortened_line_fits_is_one_line_and_safe(text, limit):
    line = shorten(text, limit)
    assert len(line) <= limit
    assert not any(unsafe(c) for c in line)
    assert line.endswith("…") or line == visible(" ".join(text.split()))
