"""The questionnaire residents read, as Markdown and as HTML printable on A4 with tick boxes, from the Jinja
templates in templates/questionnaire."""

from __future__ import annotations

from b2c_cli.i18n import tr
from b2c_cli.questionnaire.model import Questionnaire
from b2c_cli.rendering import environment


def render_markdown(q: Questionnaire) -> dict[str, bytes]:
    return {"questionnaire.md": _render(q, "md")}


def render_html(q: Questionnaire) -> dict[str, bytes]:
    return {"questionnaire.html": _render(q, "html")}


def _render(q: Questionnaire, kind: str) -> bytes:
    env = environment("questionnaire")
    env.globals["tr"] = lambda key, **params: tr(key, q.lang, **params)
    template = env.get_template(f"questionnaire.{kind}.j2")
    return template.render(q=q, p=q.partnership, lang=q.lang).encode("utf-8")
