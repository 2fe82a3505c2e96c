"""Where a problem is, in words a person understands: `key_points[5]` is "punkt 6 under de fem vigtigste
punkter", `indicators[1].target.value` is "indikatoren Tillid: target.value". The key path itself stays in
`--json` (Problem.path); this is only how `validate` shows it."""

from __future__ import annotations

import re
from typing import Any

from b2c_cli.i18n import Lang

# list key -> (Danish, English) words for one of its items; {n} is the 1-based number, {name} the item's
# own name where it has one (the key in NAMED).
ITEMS: dict[str, tuple[str, str]] = {
    "key_points": ("punkt {n} under de fem vigtigste punkter", "point {n} of the five most important points"),
    "indicators": ("indikatoren {name}", "the indicator {name}"),
    "initiatives": ("tiltaget {name}", "the initiative {name}"),
    "annual_wheel": ("aktivitet {n} i årshjulet", "activity {n} in the annual wheel"),
    "evaluation_meetings": ("evalueringsmøde {n}", "evaluation meeting {n}"),
    "periods": ("perioden {name}", "the period {name}"),
    "resources": ("ressource {n}", "resource {n}"),
    "other_resources": ("anden ressource {n}", "other resource {n}"),
    "items": ("udsagn {n}", "statement {n}"),
    "site_specific_indicators": ("stedsspecifik indikator {n}", "site-specific indicator {n}"),
    "manual_values": ("manuel værdi {n}", "manual value {n}"),
    "participants": ("deltager {n}", "participant {n}"),
    "background": ("baggrundsspørgsmål {n}", "background question {n}"),
    "options": ("svarmulighed {n}", "option {n}"),
}
# A named list whose item is not a mapping (an initiative's indicator ids), or has no name yet.
PLAIN_ITEMS: dict[str, tuple[str, str]] = {
    "indicators": ("indikator nr. {n}", "indicator no. {n}"),
    "initiatives": ("tiltag nr. {n}", "initiative no. {n}"),
    "periods": ("periode nr. {n}", "period no. {n}"),
}
NAMED: dict[str, str] = {"indicators": "name", "initiatives": "title", "periods": "id"}
_JOIN = {"da": " i ", "en": " in "}
_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_path(text: str) -> tuple[str | int, ...]:
    """'indicators[0].target' -> ('indicators', 0, 'target'); the inverse of problems.format_path."""
    return tuple(int(index) if index else key for key, index in _PATH_PART.findall(text) if key or index)


def place(path_text: str, data: Any, lang: Lang) -> str:
    """The key path `path_text` in words, read against the file's data (for names); the path itself where
    no list item is on it."""
    path = parse_path(path_text)
    phrases: list[str] = []
    rest: list[str] = []
    current = data
    for position, part in enumerate(path):
        if isinstance(part, int) and position > 0 and isinstance(path[position - 1], str):
            key = str(path[position - 1])
            words = ITEMS.get(key)
            item = current[part] if isinstance(current, list) and part < len(current) else None
            if words is not None:
                if rest and rest[-1] == key:
                    rest.pop()
                name = item.get(NAMED[key]) if isinstance(item, dict) and key in NAMED else None
                template = words[0 if lang == "da" else 1]
                if "{name}" in template and not isinstance(name, str | int):
                    plain = PLAIN_ITEMS.get(key, ("{key} nr. {n}", "{key} no. {n}"))
                    template = plain[0 if lang == "da" else 1].replace("{key}", key)
                phrases.append(template.format(n=part + 1, name=name))
                rest = []
            else:
                rest.append(f"{rest.pop() if rest else key}[{part}]")
            current = item
            continue
        rest.append(str(part))
        current = current.get(part) if isinstance(current, dict) else None
    if not phrases:
        return path_text
    words_text = _JOIN[lang].join(reversed(phrases))
    return f"{words_text}: {'.'.join(rest)}" if rest else words_text
