"""Keys typed right after a key that moves the focus into a text box reach the box.

Textual forwards each key to the widget that has the focus when the key arrives. Type `/taiwan`
and Enter fast (or paste them) and the rest is already on its way to the list before `/` has
opened the search bar; the keys come back to the app unhandled, or worse, act as the list's keys.
The app notes where each key was first sent; one that comes back after the focus moved into a
text box goes on to that box, in the order typed (Enter included, so it submits the whole
text), or, on a screen whose box is not mounted yet, to the box it names in `TAKES_TYPING`.
"""

from __future__ import annotations

from textual import events
from textual.css.query import NoMatches
from textual.widgets import Input

REMEMBERED = 256  # keys whose first target is kept; the ones handled there never come back


class TypeAhead:
    def __init__(self) -> None:
        # id of a key in flight -> (the key, the widget it went to); holding the key keeps its id
        # from being reused by another key while the entry lives (most keys never come back)
        self._sent_to: dict[int, tuple[events.Key, object]] = {}

    def arrived(self, app, event: events.Event) -> None:
        """A key from the terminal, before the app forwards it to the focused widget."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            if len(self._sent_to) >= REMEMBERED:
                self._sent_to.clear()
            self._sent_to[id(event)] = (event, app.focused)

    def pass_on(self, app, event: events.Event) -> bool:
        """True if `event` came back after the focus moved into a text box, and went on there.
        Keys this module posts itself were never noted, so none goes round twice."""
        if not (isinstance(event, events.Key) and event.is_forwarded) or id(event) not in self._sent_to:
            return False
        (_, sent_to), focused = self._sent_to.pop(id(event)), app.focused
        box = getattr(app.screen, "TAKES_TYPING", None)
        if isinstance(focused, Input) and focused is not sent_to:
            _forward(focused, event)
        elif focused is None and box:
            app.screen.call_after_refresh(_type_into, app.screen, box, event)
        else:
            return False
        return True


def _type_into(screen, box: str, key: events.Key) -> None:
    try:
        widget = screen.query_one(box, Input)
    except NoMatches:  # the screen closed meanwhile
        return
    if screen.focused is None:
        screen.set_focus(widget)
    _forward(screen.focused, key)


def _forward(widget, key: events.Key) -> None:
    """As the app forwards a key from the terminal (App.on_event does the same): marked as
    forwarded, so if the box leaves it (Enter) it comes back for the box's bindings."""
    widget._forward_event(events.Key(key.key, key.character))
