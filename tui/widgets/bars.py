"""Counts per period drawn in the terminal with block characters, one column per period.

Long timelines show a window of periods that fits the width and holds the selected period,
so every column stays one period and a selected one can be pointed at.
"""

from __future__ import annotations

from rich.text import Text

EIGHTHS = " ▁▂▃▄▅▆▇█"


def window(count: int, width: int, selected: int) -> range:
    """The periods shown in `width` columns: the last ones, or those around the selected one."""
    width = max(1, width)
    start = max(0, min(selected - width // 2, count - width)) if count > width else 0
    return range(start, min(count, start + width))


def columns(values: list[int], height: int, selected: int | None = None, style: str = "green") -> list[Text]:
    """`height` lines, top first: a column per value, scaled to the largest; a non-zero value
    shows at least a sliver, the selected column is drawn reversed."""
    top = max(values, default=0) or 1
    levels = [max(1, round(v * height * 8 / top)) if v else 0 for v in values]
    lines = []
    for row in range(height - 1, -1, -1):
        line = Text(no_wrap=True, end="")
        for i, level in enumerate(levels):
            fill = min(8, max(0, level - row * 8))
            line.append(EIGHTHS[fill] if fill else ("·" if row == 0 else " "),
                        f"reverse {style}" if i == selected else (style if fill else "dim"))
        lines.append(line)
    return lines


def sparkline(values: list[int], top: int, selected: int | None = None, style: str = "green") -> Text:
    """One line: a character per value scaled to `top` (shared by the lines of one chart)."""
    line = Text(no_wrap=True, end="")
    for i, v in enumerate(values):
        char = EIGHTHS[max(1, round(8 * v / (top or 1)))] if v else "·"
        line.append(char, f"reverse {style}" if i == selected else (style if v else "dim"))
    return line
