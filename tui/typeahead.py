"""Keys typed right after a key that moves the focus into a text box reach the box.

Textual forwards each key to the widget that has the focus when the key arrives. Type `/taiwan`
fast (or paste it) and "taiwan" is already on its way to the list before `/` has opened the
search bar; the letters come back to the app unhandled, or worse, act as the list's keys. The
app hands such keys, in the order typed, to the text box that now has the focus, or, on a
screen whose box is not mounted and focused yet, to the box it names in `TAKES_TYPING` once it is.
"""

from __future__ import annotations

from textual import events
from textual.css.query import NoMatches
from textual.widgets import Input


def pass_on(app, event: events.Event) -> bool:
    """True if `event` was a key typed ahead of a focus move and has been passed on."""
    if not (isinstance(event, events.Key) and event.is_forwarded and event.is_printable):
        return False
    focused, box = app.focused, getattr(app.screen, "TAKES_TYPING", None)
    if isinstance(focused, Input):  # an Input takes every printable key, so none comes back here
        focused.post_message(events.Key(event.key, event.character))
    elif focused is None and box:
        app.screen.call_after_refresh(_type_into, app.screen, box, event.key, event.character)
    else:
        return False
    return True


def _type_into(screen, box: str, key: str, character: str) -> None:
    try:
        widget = screen.query_one(box, Input)
    except NoMatches:  # the screen closed meanwhile
        return
    if screen.focused is None:
        screen.set_focus(widget)
    screen.focused.post_message(events.Key(key, character))
