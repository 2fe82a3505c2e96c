"""`--template-dir`: an organisation's own templates replace b2c's where the names match and run in Jinja's
sandbox. An escape attempt, an undefined value or a broken template is refused with a clean message that
names the template (exit 3), never a traceback, and nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from b2c_cli.i18n import CATALOGUES, tr
from helpers import fragments

from .kit import DOCUMENTS, PARTNERSHIP, edit, render, report


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, "utf-8")
    return folder


def test_an_organisations_template_replaces_b2cs(example: Path, tmp_path: Path) -> None:
    own = _write(
        tmp_path / "ours",
        "esg-report.md.j2",
        "# Vores ESG-tal for {{ p.name | md }}\n\n"
        "{% for view in r.rows %}- {{ view.row.indicator.name | md }}: "
        "{{ view.cells | map(attribute='text') | join(' / ') }}\n{% endfor %}",
    )
    ours = render(example, "--template-dir", own, "--format", "md,html")
    default = render(example, "--format", "md,html", output=tmp_path / "default")
    assert ours["esg-report.md"].decode("utf-8") == (
        "# Vores ESG-tal for Bo-Vest × Nortec i Hedemarken\n\n"
        "- Tilhørsforhold (versus isolation): 41 % / 43 % / \n"
        "- Tillid (versus mistænksomhed): 45 % / 54 % / \n"
        "- Medskabende (versus ikke-deltager): 22 % / 31 % / \n"
        "- Unge i virksomhedspraktik: 0 / 4 / \n"
        "- Tryghed: 38 % / 47 % / \n"
    )
    # The documents it does not replace are b2c's own, unchanged.
    for name in DOCUMENTS:
        if name != "esg-report.md":
            assert ours[name] == default[name], name


def test_an_organisations_html_template_is_escaped_and_may_extend_b2cs_base(
    example: Path, tmp_path: Path
) -> None:
    def rename(data: dict[str, object]) -> None:
        data["name"] = "<script>alert(1)</script> & Co"

    edit(example, PARTNERSHIP, rename)
    own = _write(
        tmp_path / "ours",
        "agreement.html.j2",
        '{% extends "_base.html.j2" %}{% block title %}{{ p.name }}{% endblock %}'
        "{% block body %}<h1>{{ p.name }}</h1>{% endblock %}",
    )
    html = render(example, "--template-dir", own, "--format", "html")["agreement.html"].decode("utf-8")
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>" in html
    assert "<script" not in html
    assert "@page { size: A4" in html


ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ r.__init__.__globals__ }}",
    "{{ tr.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ r.part3.__class__.__base__.__subclasses__() }}",
    "{{ p.__dict__ }}",
    "{{ '{0.__class__.__mro__}'.format(r) }}",
    "{{ r.rows.append(1) }}{{ r.rows.clear() }}",
    "{{ self._TemplateReference__context }}",
    "{{ range.__self__ }}",
]


def _flat(text: str) -> str:
    """Output with the terminal's line wrapping undone."""
    return " ".join(text.split())


@pytest.mark.parametrize("attempt", ESCAPES)
def test_the_sandbox_refuses_escapes_cleanly(example: Path, tmp_path: Path, attempt: str) -> None:
    """Reaching Python's internals, or changing the data the other documents and the XLSX are made from."""
    own = _write(tmp_path / "evil", "esg-report.md.j2", "# ESG\n\n" + attempt + "\n")
    result = report(example, "--template-dir", own)
    assert result.exit_code == 3, result.stdout + result.stderr
    message = _flat(result.stderr)
    assert "Traceback" not in message
    assert message.startswith(f"fejl: {own / 'esg-report.md.j2'}:3: ")
    assert all(piece in message for piece in fragments(CATALOGUES["da"]["report-template-error"]))
    assert "Skabelonen esg-report.md.j2 kan ikke bruges: " in message
    assert re.search(r"unsafe|not safely callable|is undefined|has no attribute", message)
    assert result.stdout == ""
    assert not (example / "reports").exists()


def test_an_undefined_value_fails_cleanly(example: Path, tmp_path: Path) -> None:
    own = _write(tmp_path / "ours", "agreement.md.j2", "# Aftale\n\n{{ p.no_such_field }}\n{{ nothing }}\n")
    result = report(example, "--template-dir", own, "--lang", "en")
    assert result.exit_code == 3
    reason = "'b2c_cli.models.partnership.Partnership object' has no attribute 'no_such_field'"
    expected = tr("report-template-error", "en", template="agreement.md.j2", reason=reason)
    assert _flat(result.stderr) == _flat(f"error: {own / 'agreement.md.j2'}:3: {expected}")
    assert not (example / "reports").exists()


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("# ok\n{% for x in r.rows %}\n", 2, "Unexpected end of template"),
        ("{{ tr('no-such-message') }}", 1, "'no-such-message'"),
        ("{% include 'missing.j2' %}", None, "'missing.j2' not found"),
        ("{{ 1 / 0 }}", 1, "division by zero"),
    ],
)
def test_a_broken_template_fails_cleanly(
    example: Path, tmp_path: Path, text: str, line: int | None, reason: str
) -> None:
    own = _write(tmp_path / "ours", "esg-report.md.j2", text)
    result = report(example, "--template-dir", own, "--lang", "en")
    assert result.exit_code == 3, result.stderr
    message = _flat(result.stderr)
    assert "Traceback" not in message and "Internal" not in message
    assert reason in message
    assert ("esg-report.md.j2" if line else "missing.j2") in message
    if line:
        assert f"esg-report.md.j2:{line}: " in message
    assert not (example / "reports").exists()


def test_a_template_dir_that_is_not_there_is_a_usage_error(example: Path, tmp_path: Path) -> None:
    """A mistyped folder would otherwise give b2c's own templates without a word."""
    result = report(example, "--template-dir", tmp_path / "no-such-folder")
    assert result.exit_code == 2
    assert "--template-dir" in result.stderr
    assert not (example / "reports").exists()


def test_the_undefined_check_also_guards_b2cs_own_templates() -> None:
    """StrictUndefined is on for b2c's templates (a missing value is a bug, not a blank)."""
    import jinja2

    from b2c_cli.rendering import environment

    env = environment("report")
    assert env.undefined is jinja2.StrictUndefined
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()
    sandboxed = environment("report", Path())
    assert isinstance(sandboxed, jinja2.sandbox.ImmutableSandboxedEnvironment)
    assert sandboxed.undefined is jinja2.StrictUndefined
