"""The inzage report (AVG art. 15): what is held about a person, why, from where, to whom, and who consulted it.

Sources are departments, never melders. Consultations come from the access log (every key of
the person, see audit/personen.py) with date, purpose and department, as the EU Court asked in
Pankki S (C-579/21); staff names only where the privacyfunctionaris recorded that they are
essential. Items withheld under UAVG art. 41 are marked on the page and never reach the PDF.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from schakelpunt.access.policy import Decision, get
from schakelpunt.accounts.models import User
from schakelpunt.audit.models import Action, AuditRecord, Outcome
from schakelpunt.audit.services import log_access
from schakelpunt.privacy.models import Inhouding, Verzoek
from schakelpunt.privacy.verzoeken import persoon_keys

STYLESHEET = Path(__file__).resolve().parent / "static" / "privacy" / "inzage.css"
# A report with more consultations than this says so, rather than growing without end.
MAX_RAADPLEGINGEN = 2000


@dataclass
class Item:
    key: str  # what a withholding names, e.g. "signaal:12"
    titel: str
    datum: datetime.date | datetime.datetime | None
    doel: str
    bron: str
    details: list[tuple[str, str]] = field(default_factory=list)
    inhouding: Inhouding | None = None


@dataclass
class Rapport:
    verzoek: Verzoek
    persoon: object | None
    gegevens: list[Item]
    signalen: list[Item]
    casussen: list[Item]
    verstrekkingen: list[Item]
    raadplegingen: list[Item]
    afgekapt: bool
    gemaakt_op: datetime.datetime

    @property
    def secties(self) -> list[tuple[str, str, list[Item]]]:
        return [
            ("gegevens", "Persoonsgegevens in het register", self.gegevens),
            ("signalen", "Signalen waarin de persoon voorkomt", self.signalen),
            ("casussen", "Casussen", self.casussen),
            ("verstrekkingen", "Aan wie gegevens zijn verstrekt", self.verstrekkingen),
            ("raadplegingen", "Wie de gegevens heeft geraadpleegd", self.raadplegingen),
        ]

    def zonder_inhoudingen(self) -> Rapport:
        """The report as the person receives it: withheld items left out entirely."""

        def vrij(items: list[Item]) -> list[Item]:
            return [i for i in items if i.inhouding is None]

        return Rapport(
            self.verzoek,
            self.persoon,
            vrij(self.gegevens),
            vrij(self.signalen),
            vrij(self.casussen),
            vrij(self.verstrekkingen),
            vrij(self.raadplegingen),
            self.afgekapt,
            self.gemaakt_op,
        )


def _persoon_item(persoon) -> Item:
    details = [("Naam", persoon.naam), ("Geboortedatum", persoon.geboortedatum_tekst)]
    if persoon.bsn:
        details.append(("BSN", persoon.bsn))
    if persoon.woonadres_id:
        details.append(("Adres", str(persoon.woonadres)))
    if persoon.telefoonnummers:
        details.append(("Telefoonnummers", ", ".join(persoon.telefoonnummers)))
    return Item(
        key=f"persoon:{persoon.pk}",
        titel=f"Persoon {persoon.pk}",
        datum=persoon.aangemaakt_op,
        doel=get("subject.view").purpose,
        bron=f"Vastgelegd via: {persoon.get_bron_display().lower()}",
        details=[(k, v) for k, v in details if v],
    )


def _signalen(personen: set[int]) -> list[Item]:
    from schakelpunt.signalen.models import Signaal

    signalen = (
        Signaal.objects.filter(subject_koppelingen__persoon__in=personen)
        .distinct()
        .select_related("afdeling")
        .prefetch_related("fenomenen")
        .order_by("ontvangen_op")
    )
    doel = get("signaal.view").purpose
    return [
        Item(
            key=f"signaal:{s.pk}",
            titel=str(s),
            datum=s.ontvangen_op,
            doel=doel,
            # The department the signal came from; the melder is never named (protection of the reporter).
            bron=f"Afdeling {s.afdeling.naam}" if s.afdeling is not None else "Afdeling onbekend",
            details=[
                ("Wat is gezien", s.omschrijving),
                ("Fenomenen", ", ".join(f.naam for f in s.fenomenen.all()) or "geen"),
                ("Status", s.get_status_display()),
            ],
        )
        for s in signalen
    ]


def _casussen(personen: set[int], signaal_ids: list[int]) -> list[Item]:
    from schakelpunt.casussen.models import Casus

    casussen = (
        Casus.objects.filter(Q(subjecten__persoon__in=personen) | Q(casus_signalen__signaal__in=signaal_ids))
        .distinct()
        .select_related("fase", "fenomeen")
        .order_by("aangemaakt_op")
    )
    doel = get("casus.view").purpose
    return [
        Item(
            key=f"casus:{c.pk}",
            titel=f"Casus {c.nummer}",
            datum=c.aangemaakt_op,
            doel=doel,
            bron="Casusregie van de gemeente, op basis van de signalen hierboven",
            details=[
                ("Fenomeen", c.fenomeen.naam if c.fenomeen is not None else "geen"),
                ("Fase", c.fase.naam),
                ("Afgesloten op", c.afgesloten_op.strftime("%d-%m-%Y") if c.afgesloten_op else "nog open"),
            ],
        )
        for c in casussen
    ]


def _verstrekkingen(keys: list[str]) -> list[Item]:
    from schakelpunt.doormeldingen.models import Verstrekking

    return [
        Item(
            key=f"verstrekking:{v.pk}",
            titel=f"Verstrekt aan {v.partner}",
            datum=v.tijdstip,
            doel=v.verwerking,
            bron="Doormelding door het meldpunt",
            details=[("Grondslag", v.grondslag), ("Gegevens", ", ".join(v.velden) or "—")],
        )
        for v in Verstrekking.objects.filter(persoon_key__in=keys).order_by("tijdstip", "id")
    ]


def _raadplegingen(verzoek: Verzoek, keys: list[str], melders: set[int]) -> tuple[list[Item], bool]:
    """Consultations from the access log. `melders` (who reported the person) are never named, even with names on."""
    from schakelpunt.audit.personen import log_filter

    q = log_filter(verzoek.persoon_id) if verzoek.persoon_id else Q(betrokkene__in=keys)
    records = list(
        AuditRecord.objects.filter(q, uitkomst=Outcome.SUCCESS)
        .prefetch_related("verwerking_versie")
        .exclude(actie__in=[Action.LOGIN, Action.LOGOUT])
        .order_by("tijdstip", "id")[: MAX_RAADPLEGINGEN + 1]
    )
    actor_ids = {r.actor_id for r in records if r.actor_id}
    gebruikers = {u.pk: u for u in User.objects.filter(pk__in=actor_ids).select_related("afdeling")}
    items = []
    for r in records[:MAX_RAADPLEGINGEN]:
        user = gebruikers.get(r.actor_id) if r.actor_id else None
        afdeling = user.afdeling.naam if user is not None and user.afdeling is not None else "—"
        details = [("Handeling", r.get_actie_display()), ("Afdeling", afdeling)]
        versie = r.verwerking_versie
        if versie is not None:
            # The register as it stood when the record was written, not as it reads today.
            details += [
                ("Verwerking", f"{versie.naam} (versie {versie.nummer} van het verwerkingsregister)"),
                ("Doel van de verwerking", versie.doel),
                ("Rechtsgrond", versie.grondslag),
            ]
        else:
            details.append(("Verwerking", r.verwerking))
        if verzoek.namen_tonen:
            if r.actor_id in melders:
                naam = "niet genoemd (melder)"
            else:
                naam = user.display_name() if user else r.actor_username or "systeem"
            details.append(("Medewerker", naam))
        items.append(
            Item(
                key=f"log:{r.pk}",
                titel=r.get_actie_display(),
                datum=r.tijdstip,
                doel=r.doel,
                bron="Toegangslog",
                details=details,
            )
        )
    return items, len(records) > MAX_RAADPLEGINGEN


def rapport_maken(*, verzoek: Verzoek) -> Rapport:
    """The full report, every item marked with its withholding (if any). The caller has checked permission."""
    from schakelpunt.audit.personen import identiteit
    from schakelpunt.subjecten.models import Persoon

    keys = persoon_keys(verzoek)
    personen = identiteit(verzoek.persoon_id) if verzoek.persoon_id else set()
    gegevens = [_persoon_item(p) for p in Persoon.objects.filter(pk__in=personen).select_related("woonadres")]
    signalen = _signalen(personen)
    casussen = _casussen(personen, [int(i.key.split(":")[1]) for i in signalen])
    from schakelpunt.signalen.models import Signaal

    melders = set(Signaal.objects.filter(subject_koppelingen__persoon__in=personen).values_list("melder_id", flat=True))
    raadplegingen, afgekapt = _raadplegingen(verzoek, keys, melders)
    rapport = Rapport(
        verzoek,
        verzoek.persoon,
        gegevens,
        signalen,
        casussen,
        _verstrekkingen(keys),
        raadplegingen,
        afgekapt,
        timezone.now(),
    )
    inhoudingen = {i.item: i for i in verzoek.inhoudingen.all()}
    for _slug, _titel, items in rapport.secties:
        for item in items:
            item.inhouding = inhoudingen.get(item.key)
    return rapport


def log_rapport(*, actor: User, decision: Decision, verzoek: Verzoek, actie: str, toelichting: str) -> None:
    log_access(
        actor=actor,
        decision=decision,
        actie=actie,
        object_type="verzoek",
        object_id=verzoek.pk,
        betrokkenen=persoon_keys(verzoek),
        toelichting=toelichting,
    )


def rapport_pdf(*, actor: User, decision: Decision, verzoek: Verzoek) -> bytes:
    """The report as the person receives it (withheld items left out), as a tagged PDF; the export is logged."""
    from schakelpunt.ui.pdf import render_pdf

    rapport = rapport_maken(verzoek=verzoek).zonder_inhoudingen()
    html = render_to_string("privacy/inzage_pdf.html", {"r": rapport})
    pdf = render_pdf(html, stylesheet=STYLESHEET)
    log_rapport(actor=actor, decision=decision, verzoek=verzoek, actie=Action.EXPORT, toelichting="inzagerapport (PDF)")
    return pdf
