"""The words a person may answer with where the guide offers a choice: the file's own value (`large`) and
the word in the partnership's language (`stor`), in either case, both languages always accepted."""

from __future__ import annotations

from b2c_cli.i18n import Lang

# value -> (Danish word, English word); the Danish words are what `b2c fill` and `b2c init` show.
WORDS: dict[str, tuple[str, str]] = {
    "small": ("lille", "small"),
    "large": ("stor", "large"),
    "housing": ("boligorganisationen", "housing organisation"),
    "company": ("virksomheden", "company"),
    "both": ("begge", "both"),
    "hours": ("timer", "hours"),
    "facilities": ("faciliteter", "facilities"),
    "volunteers": ("frivillige", "volunteers"),
    "skills": ("kompetencer", "skills"),
    "money": ("penge", "money"),
    "other": ("andet", "other"),
    "municipality": ("kommunen", "municipality"),
    "helhedsplan": ("helhedsplan", "helhedsplan"),
    "boligsocial": ("boligsocial", "boligsocial"),
    "events": ("arrangementer", "events"),
    "employment": ("beskæftigelse", "employment"),
    "place": ("stedet", "place"),
    "da": ("dansk", "danish"),
    "en": ("engelsk", "english"),
}
# Further spellings people use.
_EXTRA: dict[str, str] = {
    "mindre": "small",
    "større": "large",
    "arbejdstimer": "hours",
    "bolig": "housing",
    "boligorganisation": "housing",
    "virksomhed": "company",
    "frivilligt arbejde": "volunteers",
    "lokale arrangementer": "events",
    "kompetenceudvikling": "skills",
    "forbedre stedet": "place",
    "øvrige virksomheder": "company",
}

_DA_MONTHS = "januar februar marts april maj juni juli august september oktober november december"
_EN_MONTHS = "january february march april may june july august september october november december"
MONTHS: dict[Lang, tuple[str, ...]] = {"da": tuple(_DA_MONTHS.split()), "en": tuple(_EN_MONTHS.split())}

YES = frozenset({"ja", "j", "yes", "y", "true"})
NO = frozenset({"nej", "n", "no", "false"})


def word(value: str, lang: Lang) -> str:
    """The word shown for a choice's value: `stor` for `large` in Danish."""
    words = WORDS.get(value)
    return words[0 if lang == "da" else 1] if words else value


def choice(answer: str, allowed: tuple[str, ...]) -> str | None:
    """The value meant by `answer` among `allowed`, or None when it is none of them."""
    said = answer.strip().casefold()
    for value in allowed:
        if said == value.casefold() or said in (w.casefold() for w in WORDS.get(value, ())):
            return value
    extra = _EXTRA.get(said)
    return extra if extra in allowed else None


def yes_no(answer: str) -> bool | None:
    said = answer.strip().casefold()
    return True if said in YES else False if said in NO else None


def month(answer: str) -> int | None:
    """1-12 from a number or a month's name (or its first three letters) in either language."""
    said = answer.strip().casefold().rstrip(".")
    if said.isdigit() and 1 <= int(said) <= 12:
        return int(said)
    for names in MONTHS.values():
        for number, name in enumerate(names, start=1):
            if said == name or (len(said) >= 3 and name.startswith(said)):
                return number
    return None
