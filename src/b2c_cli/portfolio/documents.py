"""The portfolio as Markdown and HTML, from the Jinja templates in templates/report."""

from __future__ import annotations

from b2c_cli.figures.words import value_text
from b2c_cli.i18n import tr
from b2c_cli.i18n.numbers import number
from b2c_cli.portfolio.view import PortfolioContext, ci_text, not_measured_lines, spread_lines, table_cell
from b2c_cli.rendering import environment


def render_markdown(context: PortfolioContext) -> dict[str, bytes]:
    return {"portfolio.md": _render(context, "md")}


def render_html(context: PortfolioContext) -> dict[str, bytes]:
    return {"portfolio.html": _render(context, "html")}


def _render(context: PortfolioContext, kind: str) -> bytes:
    env = environment("report")
    lang, portfolio = context.lang, context.portfolio
    env.globals["tr"] = lambda key, **params: tr(key, lang, **params)
    env.filters["pct"] = lambda value: value_text(value, lang) if value is not None else ""
    env.filters["ci"] = lambda value: ci_text(value, lang)
    env.filters["count"] = lambda value: number(value, lang)
    env.globals["cell"] = lambda summary, column: table_cell(portfolio, summary, column, lang)
    env.globals["not_measured"] = not_measured_lines(portfolio, lang)
    page = env.get_template(f"portfolio.{kind}.j2").render(
        pf=portfolio,
        lang=lang,
        footer=context.footer,
        page_footer=context.footer,
        benchmarks=context.benchmarks,
        spread=spread_lines(portfolio, lang),
    )
    return page.encode("utf-8")
