"""A question must not identify anyone: the tell-tale patterns of a BSN, postcode, phone number or e-mail."""

import re

from django.core.exceptions import ValidationError

# (what it looks like, the pattern): a name cannot be recognised reliably, these can.
HERKENBAAR = [
    ("een BSN of ander lang nummer", re.compile(r"(?<!\d)\d{9}(?!\d)")),
    ("een postcode", re.compile(r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b")),
    ("een telefoonnummer", re.compile(r"(?<!\d)(?:\+31|0031|0)\s?(?:6|[1-9]\d)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")),
    ("een e-mailadres", re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")),
]


def herkenbare_gegevens(tekst: str) -> list[str]:
    """What in `tekst` looks like data that identifies a person."""
    return [wat for wat, patroon in HERKENBAAR if patroon.search(tekst or "")]


def clean_zonder_namen(tekst: str, veld: str) -> str:
    tekst = (tekst or "").strip()
    gevonden = herkenbare_gegevens(tekst)
    if gevonden:
        raise ValidationError(
            {
                veld: "Het lijkt erop dat je " + " en ".join(gevonden) + " noemt. Een adviesvraag gaat zonder "
                "gegevens waarmee iemand herkenbaar is: laat die weg. Wil je iemand noemen? Meld dan een signaal."
            }
        )
    return tekst
