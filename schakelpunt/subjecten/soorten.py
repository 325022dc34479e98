"""The kinds of subject in the register: one class, one row per kind, for every place that needs one.

Before, five parallel tables named the kinds (order, Dutch name, plural, model, relation field);
now each kind carries all of it, in the order the pages show them. Plain Python (the network
layout imports it and knows nothing of Django); ``model()`` looks the model up when called.
"""

from __future__ import annotations

import enum


class SubjectSoort(enum.StrEnum):
    # code, Dutch name, singular and plural in a sentence, model, field of a relation from it / to it
    PERSOON = ("persoon", "Persoon", "persoon", "personen", "Persoon", "van_persoon", "naar_persoon")
    ADRES = ("adres", "Adres", "adres", "adressen", "Adres", "", "naar_adres")
    ORGANISATIE = (
        "organisatie",
        "Organisatie",
        "organisatie",
        "organisaties",
        "Organisatie",
        "van_organisatie",
        "naar_organisatie",
    )
    VOERTUIG = ("voertuig", "Voertuig", "voertuig", "voertuigen", "Voertuig", "", "naar_voertuig")
    TELEFOON = (
        "telefoon",
        "Telefoonnummer",
        "telefoonnummer",
        "telefoonnummers",
        "Telefoonnummer",
        "",
        "naar_telefoonnummer",
    )

    label: str
    enkelvoud: str
    meervoud: str
    model_naam: str
    van_veld: str  # "" when a relation never starts at this kind
    naar_veld: str

    def __new__(cls, code, label, enkelvoud, meervoud, model_naam, van_veld, naar_veld):
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        member.enkelvoud = enkelvoud
        member.meervoud = meervoud
        member.model_naam = model_naam
        member.van_veld = van_veld
        member.naar_veld = naar_veld
        return member

    @property
    def volgorde(self) -> int:
        """The place of the kind in lists and tables (persons first)."""
        return list(SubjectSoort).index(self)

    def aantal(self, n: int) -> str:
        """ "1 persoon", "3 personen"."""
        return f"{n} {self.enkelvoud if n == 1 else self.meervoud}"

    def model(self):
        from schakelpunt.subjecten import models

        return getattr(models, self.model_naam)

    @classmethod
    def van(cls, obj) -> SubjectSoort:
        """The kind of a subject object (a Persoon, an Adres, ...)."""
        for soort in cls:
            if type(obj).__name__ == soort.model_naam:
                return soort
        raise ValueError(f"geen subject: {obj!r}")

    @classmethod
    def volgorde_van(cls, code: str) -> int:
        """The place of a kind by its code; an unknown code goes last."""
        try:
            return cls(code).volgorde
        except ValueError:
            return len(cls)
