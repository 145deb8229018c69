"""Driving the app in tests: notifications kept after they time out (slow machines), and
command palette commands run by typing their name."""

from __future__ import annotations

from textual.command import CommandList

from tests.app_support import wait_for


def record_notifications(app) -> list[tuple[str, str]]:
    """(severity, message) of every notification `app` shows from now on."""
    seen: list[tuple[str, str]] = []
    show = app.notify

    def notify(message, *args, severity="information", **kwargs):
        seen.append((severity, str(message)))
        return show(message, *args, severity=severity, **kwargs)

    app.notify = notify
    return seen


async def run_command(pilot, typed: str, title: str | None = None) -> None:
    """Open the palette, type, wait until the command (`title`, else what was typed) is the
    highlighted one (the palette searches in the background), and press Enter."""
    await pilot.press("ctrl+p", *typed)
    commands = pilot.app.screen.query_one(CommandList)
    wanted = (title or typed).lower()

    def ready() -> bool:
        option = commands.highlighted_option
        return option is not None and wanted in (option.hit.text or "").lower()

    await wait_for(pilot, ready)
    await pilot.press("enter")
    await pilot.pause()
