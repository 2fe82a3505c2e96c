"""The figures put into words, in one language: labels of periods, values, targets, changes and notes. Every
output that shows a figure as text (terminal, Markdown, HTML, XLSX notes, portfolio) takes it from here, so
the same figure reads the same everywhere and the number style is the language's (`b2c_cli.i18n.numbers`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from b2c_cli.figures.method import Answered, Method
from b2c_cli.figures.model import (
    Change,
    Figures,
    IndicatorFigures,
    Note,
    PeriodFigure,
    PeriodInfo,
    TargetStatus,
    Value,
)
from b2c_cli.i18n import Lang, has_message, tr
from b2c_cli.i18n import numbers as num


def period_label(period: PeriodInfo, lang: Lang) -> str:
    """'Baseline (2025)', 'År 1 (2026)': the guide's column headings."""
    name = tr("report-baseline", lang) if period.index == 0 else tr("report-year-n", lang, n=period.index)
    return f"{name} ({period.year})"


def label_of(figures: Figures, period: str, lang: Lang) -> str:
    """A workbook period's label, or its id for a period the workbook does not list."""
    info = figures.period(period)
    return period_label(info, lang) if info is not None else period


def value_text(value: Value, lang: Lang) -> str:
    """'41 %' (whole, half up, as the guide prints it) or a count ('4')."""
    if value.whole is not None:
        return num.percent(value.whole, lang)
    assert value.number is not None  # a value is a share or a count
    return num.number(value.number, lang)


def period_text(figure: PeriodFigure, lang: Lang) -> str:
    """One period's value as the guide prints it ('41 %'), 'ikke målt' when the period's survey did not
    measure the indicator, '' when there is no value for it."""
    if figure.value is not None:
        return value_text(figure.value, lang)
    return tr("value-not-measured", lang) if figure.not_measured else ""


def interval_text(value: Value, lang: Lang) -> str:
    """'31,9–50,8 %', or '' without an interval."""
    return num.interval(value.ci95.low, value.ci95.high, lang) if value.ci95 else ""


def target_text(indicator: IndicatorFigures, lang: Lang) -> str:
    """'Min. 85 %', 'Maks. 14 %', 'Min. 8' (a count), or the no-target words."""
    target = indicator.target
    if target is None:
        return tr("report-no-target", lang)
    return target_phrase(target.direction, target.value, indicator.kind == "count", lang)


def target_phrase(direction: str, goal: Decimal, count: bool, lang: Lang) -> str:
    """'Min. 72,5 %': a target as written in the workbook (its decimals kept), in the language's style."""
    word = tr("report-min" if direction == "at_least" else "report-max", lang)
    return f"{word} {num.number(goal, lang) if count else num.percent(goal, lang)}"


def status_text(status: TargetStatus | None, lang: Lang, uncertain: bool = False) -> str:
    """'Ja', 'Nej', 'Ikke endnu' in the table's 'target met' column; '' with no target or no value; with
    ' (inden for usikkerheden)' when the value's interval holds the target."""
    keys = {"met": "report-yes", "not-met": "report-no", "not-yet-due": "report-not-yet"}
    if status not in keys:
        return ""
    text = tr(keys[status], lang)
    return f"{text} ({tr('report-within-uncertainty', lang)})" if uncertain else text


def change_text(change: Change, figures: Figures, lang: Lang) -> str:
    """'ændring mod Baseline (2025) +2,0 procentpoint (95 %-KI −11,5 til +15,4), ikke signifikant'."""
    against = label_of(figures, change.period, lang)
    if not change.comparable or change.difference is None or change.ci95 is None:
        return tr(
            "report-change-not-comparable", lang, against=against, reason=reason_text(change.reason, lang)
        )
    return tr(
        "report-change-significant" if change.significant else "report-change-noise",
        lang,
        against=against,
        difference=num.points(change.difference, lang),
        low=num.signed(change.ci95.low, lang),
        high=num.signed(change.ci95.high, lang),
    )


def reason_text(reason: str | None, lang: Lang) -> str:
    return tr(f"reason-{reason or 'statement-changed'}", lang)


def change_short(change: Change, figures: Figures, lang: Lang) -> str:
    """A change in a narrow column: '+2,0* mod baseline' ('*': significant), or 'ikke sammenlignelig'."""
    against = tr("score-vs", lang, period=change.period)
    if not change.comparable or change.difference is None:
        return f"{tr('report-not-comparable-short', lang)} ({against})"
    mark = ("**" if change.holm else "*") if change.significant else ""
    return f"{num.signed(change.difference, lang)}{mark} ({against})"


def value_detail(figure: PeriodFigure, figures: Figures, lang: Lang) -> str:
    """What lies behind one value (a footnote): 'Baseline (2025): n = 100, 95 %-konfidensinterval 31,9–50,8 %,
    ændring mod ...'."""
    label = label_of(figures, figure.period, lang)
    value = figure.value
    if value is None:
        return label
    parts = []
    if value.n is not None:
        parts.append(f"n = {num.number(value.n, lang)}")
    if value.effective_n is not None:
        parts.append(weighted_text(value, lang))
    if value.ci95 is not None:
        parts.append(tr("report-ci", lang, interval=interval_text(value, lang)))
    parts.extend(change_text(change, figures, lang) for change in figure.changes)
    if value.source == "manual":
        parts.append(tr("report-manual-value", lang))
    return f"{label}: " + ", ".join(parts) if parts else label


def weighted_text(value: Value, lang: Lang) -> str:
    """'vægtet, effektivt n = 61,2 (uvægtet 52 af 80 positive)'."""
    return tr(
        "weighting-value-detail",
        lang,
        effective=num.number(Decimal(repr(value.effective_n)).quantize(Decimal("0.1")), lang),
        positive=num.number(value.positive or 0, lang),
        n=num.number(value.n or 0, lang),
    )


def note_text(note: Note, figures: Figures, lang: Lang) -> str:
    """A note in words, naming the indicator and period as the workbook names them."""
    indicator = figures.indicator(note.indicator)
    name = indicator.name if indicator is not None else note.indicator
    label = label_of(figures, note.period, lang)
    against = label_of(figures, note.against, lang) if note.against is not None else ""
    if note.kind == "small-sample":
        return tr("note-small-sample", lang, name=name, label=label, n=note.n, minimum=note.minimum)
    if note.kind == "change-within-noise" and note.difference is not None:
        difference = num.points(note.difference, lang)
        return tr(
            "note-change-within-noise", lang, name=name, label=label, against=against, difference=difference
        )
    if note.kind == "not-comparable":
        reason = reason_text(note.reason, lang)
        return tr("note-not-comparable", lang, name=name, label=label, against=against, reason=reason)
    if note.kind == "change-not-measured":
        key = (
            "note-change-other-below-threshold"
            if note.reason == "below-threshold"
            else "note-change-other-not-measured"
        )
        return tr(key, lang, name=name, label=label, against=against)
    if note.kind == "below-threshold":
        return tr("note-below-threshold", lang, name=name, label=label, threshold=note.minimum)
    return tr("note-base-not-measured", lang, name=name, label=label)


def language_list(tags: Sequence[str], lang: Lang) -> str:
    """Survey languages by name ("dansk, engelsk og arabisk"); a tag b2c has no name for stays a tag."""
    names = [tr(key, lang) if has_message(key := f"survey-language-name-{tag}") else tag for tag in tags]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + tr("weighting-and", lang) + names[-1]


def weighting_sentence(method: Method, figures: Figures, lang: Lang) -> str:
    """Weighted, unweighted, or which periods are which: a report with a weighted and an unweighted period
    must not call all its figures either."""
    if not method.weighted:
        return tr("method-unweighted", lang)
    if not method.unweighted:
        return tr("method-weighted", lang)
    return tr(
        "method-weighted-some",
        lang,
        weighted=", ".join(label_of(figures, p, lang) for p in method.weighted),
        unweighted=", ".join(label_of(figures, p, lang) for p in method.unweighted),
    )


def answered_text(answered: Answered, label: str, lang: Lang) -> str:
    """Who answered only some of an indicator's statements, and who was left out for too few."""
    partial = num.number(answered.partial, lang)
    if answered.min_answered > 1:
        return tr(
            "method-answered",
            lang,
            label=label,
            name=answered.name,
            partial=partial,
            too_few=num.number(answered.too_few, lang),
            min=answered.min_answered,
        )
    return tr("method-answered-all", lang, label=label, name=answered.name, partial=partial)


def method_text(method: Method, figures: Figures, lang: Lang) -> list[str]:
    """The report's method section, one sentence (or two) per fact, from the figures layer's `Method`."""
    lines: list[str] = []
    if method.survey:
        lines.append(tr("method-scale", lang))
        if method.several and not method.minimum:
            lines.append(tr("method-several", lang, names=", ".join(method.several)))
        elif method.several:
            lines.append(tr("method-several-rule", lang, names=", ".join(method.several)))
            for name, least, statements in method.minimum:
                lines.append(tr("method-min-answered", lang, name=name, min=least, statements=statements))
        else:
            lines.append(tr("method-one-statement", lang))
        lines.append(tr("method-dont-know", lang))
        if method.languages:
            lines.append(tr("method-languages", lang, languages=language_list(method.languages, lang)))
        for m in method.measurements:
            lines.append(
                tr(
                    "method-measurement",
                    lang,
                    label=label_of(figures, m.period, lang),
                    respondents=num.number(m.respondents, lang),
                    dont_know=num.number(m.dont_know, lang),
                    blank=num.number(m.blank, lang),
                )
            )
            lines.extend(answered_text(a, label_of(figures, m.period, lang), lang) for a in m.answered)
        lines.append(tr("method-intervals", lang))
        lines.append(weighting_sentence(method, figures, lang))
        lines.append(tr("method-comparisons", lang, comparisons=method.comparisons, kept=method.holm_kept))
    lines.append(tr("method-target", lang))
    if method.survey:
        lines.append(tr("method-disclosure", lang, threshold=method.threshold, below=method.threshold - 1))
    lines.append(tr("method-limitation", lang))
    return lines
