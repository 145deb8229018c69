"""The reader's keys: what each does is an action of the same name on `Reader`; the ids are
the names config.yaml remaps them by."""

from textual.binding import Binding

KEYS = [
    Binding("j,down", "scroll_lines(1)", "Scroll down", show=False, id="reader.down"),
    Binding("k,up", "scroll_lines(-1)", "Scroll up", show=False, id="reader.up"),
    Binding("g,home", "top", "Top", show=False, id="reader.top"),
    Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
    Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="reader.half_page_down"),
    Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="reader.half_page_up"),
    Binding("space,pagedown", "half_page(2)", "Page down", show=False, id="reader.page_down"),
    Binding("b,pageup", "half_page(-2)", "Page up", show=False, id="reader.page_up"),
    Binding(")", "sentence(1)", "Next sentence", show=False, id="reader.next_sentence"),
    Binding("(", "sentence(-1)", "Previous sentence", show=False, id="reader.previous_sentence"),
    Binding("}", "block(1)", "Next block", show=False, id="reader.next_block"),
    Binding("{", "block(-1)", "Previous block", show=False, id="reader.previous_block"),
    Binding("m", "entity(1)", "Next entity", show=False, id="reader.next_entity"),
    Binding("M", "entity(-1)", "Previous entity", show=False, id="reader.previous_entity"),
    Binding("x", "edit_entity", "Correct entity", show=False, id="reader.edit_entity"),
    Binding("e", "toggle_highlights", "Highlights", show=False, id="reader.toggle_highlights"),
    Binding("]", "evidence(1)", "Next evidence", id="reader.next_evidence"),
    Binding("[", "evidence(-1)", "Previous evidence", show=False, id="reader.previous_evidence"),
    Binding("n", "term(1)", "Next hit", show=False, id="reader.next_hit"),
    Binding("N", "term(-1)", "Previous hit", show=False, id="reader.previous_hit"),
    Binding("O", "open_original", "Open original in browser", show=False, id="reader.open_original"),
    Binding("escape", "clear_selection", "Clear selection", show=False, id="reader.clear_selection"),
    # tagging keys: tui/tagging/ does the work
    Binding("v", "tagging('select')", "Select", id="reader.select"),
    Binding("ctrl+c", "copy_selection", "Copy selection", show=False, id="reader.copy"),
    Binding("t", "tagging('tag')", "Tag…", id="reader.tag"),
    Binding("d", "tagging('remove')", "Remove tag", show=False, id="reader.remove_tag"),
    Binding("u", "tagging('undo')", "Undo tag edit", show=False, id="reader.undo_tag"),
    Binding("ctrl+r", "tagging('redo')", "Redo tag edit", show=False, id="reader.redo_tag"),
    *[Binding(str(n), f"tagging('quick', {n})", f"Apply recent tag {n}", show=False, id=f"reader.quick_tag_{n}")
      for n in range(1, 10)],
]
