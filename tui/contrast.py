"""Text colours that stay readable on a tinted background, by the WCAG contrast ratio.

Rich styles carry no alpha, so a tint from the stylesheet (`$accent 30%`) is blended here onto
what it is drawn on, and text on it gets a colour that reaches AA contrast (4.5:1) in every theme.
"""

from __future__ import annotations

from textual.color import Color

AA = 4.5  # WCAG AA for body text
WHITE, BLACK = Color(255, 255, 255), Color(0, 0, 0)


def luminance(color: Color) -> float:
    """WCAG relative luminance, 0 for black and 1 for white."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in color.normalized)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Color, b: Color) -> float:
    """From 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(background: Color, preferred: Color) -> Color:
    """`preferred` if it reads on `background` at AA contrast, else black or white, whichever
    contrasts more (one of them always reaches 4.5:1)."""
    if contrast_ratio(preferred, background) >= AA:
        return preferred
    return max((WHITE, BLACK), key=lambda c: contrast_ratio(c, background))
