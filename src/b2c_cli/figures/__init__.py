"""What b2c reports, computed once (DESIGN.md §3): per indicator and period the value (positives, n, share,
Wilson interval), the change against the indicator's base period and the previous one (difference,
Newcombe interval, significant or not, or not comparable), the target status (met, not met, not yet due),
and notes as structured values. Every output (terminal, JSON, results, Markdown, HTML, XLSX, portfolio)
renders these; none computes a figure of its own.

- `model`: the typed values.
- `compute`: `build_figures(part3, results)`, the one computation, and the rules it applies (`meets`,
  `status`, `change`).
- `words`: the figures as text in one language (labels, values, targets, changes, notes).
"""

from b2c_cli.figures.compute import build_figures
from b2c_cli.figures.model import Figures, IndicatorFigures, PeriodFigure, Value

__all__ = ["Figures", "IndicatorFigures", "PeriodFigure", "Value", "build_figures"]
