"""Relatie reads for the relation form: subjects to pick, and the subject picked."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide
from schakelpunt.audit.services import log_access
from schakelpunt.subjecten.models import (
    BetrokkeneKoppeling,
    Persoon,
    Voertuig,
)
from schakelpunt.subjecten.selectors.netwerk import _MODELLEN, Knoop, Netwerk, _label
from schakelpunt.subjecten.soorten import SubjectSoort


def relatie_kandidaten(*, user, persoon: Persoon, netwerk: Netwerk | None = None, signalen=()) -> list[Knoop]:
    """Subjects the meldpunt can link this person to without looking them up: the network shown and the
    subjects of the other betrokkenen of the person's signals. Empty for anyone who may not record relations."""
    decision = decide(user, "subject.relatie.beheren", persoon)
    if not decision:
        return []
    knopen = {k.id: k for k in (netwerk.knopen if netwerk else []) if not k.start}
    al_gelogd = set(knopen)
    koppelingen = BetrokkeneKoppeling.objects.filter(signaal__in=[s.pk for s in signalen]).select_related(
        "persoon", "adres", "organisatie", "voertuig", "telefoonnummer"
    )
    for k in koppelingen:
        for soort, obj in (
            ("persoon", k.persoon),
            ("adres", k.adres),
            ("organisatie", k.organisatie),
            ("voertuig", k.voertuig),
            ("telefoon", k.telefoonnummer),
        ):
            if obj is None or (soort == "persoon" and (obj.pk == persoon.pk or not obj.actief)):
                continue
            knopen.setdefault(f"{soort}:{obj.pk}", Knoop(f"{soort}:{obj.pk}", soort, obj.pk, _label(soort, obj)))
    nieuw = sorted(set(knopen) - al_gelogd)
    if nieuw:
        log_access(
            actor=user,
            decision=decision,
            object_type="persoon",
            object_id=persoon.pk,
            betrokkenen=nieuw,
            toelichting="kandidaten voor een relatie",
        )
    return sorted(knopen.values(), key=lambda k: (SubjectSoort.volgorde_van(k.soort), k.label.lower(), k.pk))


def relatie_subject(*, user, sleutel: str = "", persoonsnummer: int | None = None, kenteken: str = ""):
    """The subject chosen in the relation form: a key like "adres:3", a person's number or a known
    licence plate. Raises ValidationError with a Dutch message on the field concerned."""
    from schakelpunt.matching.normalize import normalize_kenteken

    require(user, "subject.relatie.beheren", object_type="relatie")
    if sleutel:
        soort, _sep, pk = sleutel.partition(":")
        model = _MODELLEN.get(soort)
        obj = model.objects.filter(pk=int(pk)).first() if model is not None and pk.isdigit() else None
        if obj is None:
            raise ValidationError({"subject": "Dit subject bestaat niet (meer). Kies een ander."})
        veld = "subject"
    elif persoonsnummer is not None:
        obj = Persoon.objects.filter(pk=persoonsnummer).first()
        if obj is None:
            raise ValidationError({"persoonsnummer": "Er is geen persoon met dit persoonsnummer."})
        veld = "persoonsnummer"
    elif kenteken:
        obj = Voertuig.objects.filter(kenteken=normalize_kenteken(kenteken) or "").first()
        if obj is None:
            raise ValidationError(
                {"kenteken": "Dit kenteken is niet bekend. Een voertuig komt in het register via een signaal."}
            )
        veld = "kenteken"
    else:
        raise ValidationError({"subject": "Kies het andere subject, of vul een persoonsnummer of kenteken in."})
    if isinstance(obj, Persoon) and not obj.actief:
        raise ValidationError(
            {veld: f"Deze persoon is samengevoegd met persoon {obj.samengevoegd_in_id}. Kies die persoon."}
        )
    return obj
