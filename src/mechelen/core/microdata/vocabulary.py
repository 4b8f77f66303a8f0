"""Words for sex and reason for migration in English, French, Dutch and Spanish, to standard codes."""

from __future__ import annotations

from mechelen.core.microdata.normalise import normalise

SEX_WORDS: dict[str, str] = {
    # ISO 5218 and SDMX codes
    "1": "M",
    "2": "F",
    "m": "M",
    "f": "F",
    # English, French, Dutch, Spanish
    "male": "M",
    "man": "M",
    "men": "M",
    "boy": "M",
    "female": "F",
    "woman": "F",
    "women": "F",
    "girl": "F",
    "h": "M",
    "homme": "M",
    "hommes": "M",
    "masculin": "M",
    "femme": "F",
    "femmes": "F",
    "feminin": "F",
    "mannelijk": "M",
    "mannen": "M",
    "jongen": "M",
    "v": "F",
    "vrouw": "F",
    "vrouwen": "F",
    "vrouwelijk": "F",
    "meisje": "F",
    "hombre": "M",
    "hombres": "M",
    "masculino": "M",
    "varon": "M",
    "mujer": "F",
    "mujeres": "F",
    "femenino": "F",
}

REASON_WORDS: dict[str, str] = {
    "family": "family",
    "family reunification": "family",
    "famille": "family",
    "regroupement familial": "family",
    "gezin": "family",
    "gezinshereniging": "family",
    "familie": "family",
    "familia": "family",
    "reagrupacion familiar": "family",
    "work": "work",
    "employment": "work",
    "labour": "work",
    "labor": "work",
    "travail": "work",
    "emploi": "work",
    "werk": "work",
    "arbeid": "work",
    "trabajo": "work",
    "empleo": "work",
    "education": "education",
    "study": "education",
    "studies": "education",
    "etudes": "education",
    "studie": "education",
    "studeren": "education",
    "estudios": "education",
    "educacion": "education",
    "onderwijs": "education",
    "international protection": "international-protection",
    "international-protection": "international-protection",
    "protection internationale": "international-protection",
    "internationale bescherming": "international-protection",
    "proteccion internacional": "international-protection",
    "asylum": "international-protection",
    "asile": "international-protection",
    "asiel": "international-protection",
    "asilo": "international-protection",
    "other": "other",
    "autre": "other",
    "autres": "other",
    "ander": "other",
    "andere": "other",
    "otro": "other",
    "otros": "other",
    "unknown": "unknown",
    "not stated": "unknown",
    "inconnu": "unknown",
    "onbekend": "unknown",
    "desconocido": "unknown",
    "no consta": "unknown",
}


def sex_code(value: str) -> str | None:
    return SEX_WORDS.get(normalise(value))


def reason_code(value: str) -> str | None:
    return REASON_WORDS.get(normalise(value))
