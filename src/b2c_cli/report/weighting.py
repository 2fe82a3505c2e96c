"""The report's weighting and representativeness part: per period, how the answers were weighted (a sentence
for the method text and the ESRS section, with every edge rule that applied) and a table of each weighting
question's sample shares against the population's, with its chi-square goodness-of-fit test. Prepared in
words here; the templates only lay it out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from b2c_cli.figures.model import Figures
from b2c_cli.figures.words import label_of
from b2c_cli.i18n import Lang, tr
from b2c_cli.i18n import numbers as num
from b2c_cli.models.results import Results, WeightingResult

SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class RepresentativenessRow:
    question: str  # on the first row of its question, else ""
    category: str
    population: str  # "24 %", "" for the missing answers
    sample: str  # respondents
    sample_share: str
    weighted: str  # "" when not weighted


@dataclass(frozen=True)
class WeightingView:
    period: str
    sentence: str
    disclosures: tuple[str, ...]
    rows: tuple[RepresentativenessRow, ...]
    tests: tuple[str, ...]


def _pct(value: float, lang: Lang) -> str:
    return num.percent(Decimal(repr(value)), lang, 1)


def _dec(value: float, lang: Lang, places: int) -> str:
    return num.number(value, lang, places)


def _p_value(p: float, lang: Lang) -> str:
    """'= 0,264', or '< 0,001' where three decimals would show 0."""
    return f"< {num.number(0.001, lang, 3)}" if p < 0.0005 else f"= {num.number(p, lang, 3)}"


def weighting_views(results: Mapping[str, Results], figures: Figures, lang: Lang) -> list[WeightingView]:
    views = []
    for period, result in results.items():
        label = label_of(figures, period, lang)
        if result.weighting is not None:
            views.append(_view(label, result.respondents, result.weighting, lang))
        elif result.weighting_missing:
            questions = tr("weighting-and", lang).join(result.weighting_missing)
            sentence = tr("weighting-sentence-missing", lang, period=label, questions=questions)
            views.append(WeightingView(label, sentence, (), (), ()))
    return views


def _view(period: str, respondents: int, weighting: WeightingResult, lang: Lang) -> WeightingView:
    questions = tr("weighting-and", lang).join(v.question for v in weighting.variables)
    source = weighting.source + (f", {weighting.date}" if weighting.date else "")
    if weighting.applied:
        sentence = tr(
            "weighting-sentence",
            lang,
            period=period,
            questions=questions,
            source=source,
            method=tr(f"weighting-method-{weighting.method}", lang),
            deff=_dec(weighting.design_effect, lang, 2),
            effective=_dec(weighting.effective_n, lang, 1),
            n=num.number(respondents, lang),
            cap=num.number(Decimal(repr(weighting.cap)).normalize(), lang),
        )
    else:
        sentence = tr("weighting-sentence-off", lang, period=period, questions=questions, source=source)
    disclosures: list[str] = []
    rows: list[RepresentativenessRow] = []
    tests: list[str] = []
    for variable in weighting.variables:
        if variable.missing:  # None: held back with the '' category's size
            disclosures.append(
                tr("weighting-missing", lang, count=variable.missing, question=variable.question)
            )
        disclosures.extend(
            tr("weighting-merged", lang, category=m.category, question=variable.question, into=m.into)
            for m in variable.merged
        )
        for k, category in enumerate(variable.categories):
            if not category.category and category.sample == 0:
                continue
            held = tr("weighting-held-back", lang)
            rows.append(
                RepresentativenessRow(
                    question=variable.question if k == 0 else "",
                    category=category.category or tr("weighting-no-answer", lang),
                    population=_pct(category.population, lang) if category.population is not None else "",
                    sample=num.number(category.sample, lang) if category.sample is not None else held,
                    sample_share=_pct(category.sample_percent, lang)
                    if category.sample_percent is not None
                    else "",
                    weighted=_pct(category.weighted_percent, lang)
                    if weighting.applied and category.weighted_percent is not None
                    else "",
                )
            )
        if variable.df:
            verdict = "weighting-chi2-differs" if variable.p_value < SIGNIFICANCE else "weighting-chi2-fits"
            tests.append(
                tr(
                    "weighting-chi2",
                    lang,
                    period=period,
                    question=variable.question,
                    chi2=_dec(variable.chi2, lang, 2),
                    df=variable.df,
                    p=_p_value(variable.p_value, lang),
                    verdict=tr(verdict, lang),
                )
            )
    if weighting.threshold is not None:
        disclosures.append(tr("weighting-held-back-note", lang, threshold=weighting.threshold))
    if weighting.applied and weighting.capped:
        cap = num.number(Decimal(repr(weighting.cap)).normalize(), lang)
        disclosures.append(tr("weighting-capped", lang, count=weighting.capped, cap=cap))
    disclosures.extend(
        tr(
            "weighting-missed",
            lang,
            category=m.category,
            question=m.question,
            weighted=_pct(m.weighted, lang),
            population=_pct(m.population, lang),
        )
        for m in weighting.missed
    )
    return WeightingView(period, sentence, tuple(disclosures), tuple(rows), tuple(tests))
