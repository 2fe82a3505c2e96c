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


def render_survey_language(q: Questionnaire, kind: str) -> bytes:
    """The questionnaire in one survey language (questionnaire.ar.html, ...)."""
    return _render(q, kind)


def _render(q: Questionnaire, kind: str) -> bytes:
    env = environment("questionnaire")
    own = dict(q.texts)

    def words(key: str, **params: object) -> str:
        """b2c's text, or in a survey language the workbook's (its {placeholders} filled the same way)."""
        found = own.get(key.removeprefix("q-"))
        if found is None:
            return tr(key, q.lang, **params)
        try:
            return found.format(**params)
        except (KeyError, IndexError, ValueError):
            return found

    env.globals["tr"] = words
    template = env.get_template(f"questionnaire.{kind}.j2")
    return template.render(q=q, p=q.partnership, lang=q.html_lang).encode("utf-8")
