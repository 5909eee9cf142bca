"""What an export may be asked for, shared by the app, the CLI and every writer."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Lang

Positions = dict[str, tuple[float, float]]

MIN_SCALE, MAX_SCALE = 1.0, 4.0


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Choices for one export; the image ones are ignored by data formats."""

    lang: Lang = "zh"
    scale: float = 2.0  # PNG: 1x-4x the drawing's size in pixels (2x reads well on slides)
    width: int | None = None  # PNG: pixel width instead of a scale
    transparent: bool = False
    legend: bool = True
    title: str = ""
    edge_labels: bool = True
    layout: str = "auto"  # used when no positions are given: see explorer.layout.KINDS
    highlight: tuple[str, ...] | None = None  # drawn emphasised; None: the view's focus
