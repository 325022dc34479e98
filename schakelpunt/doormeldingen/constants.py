"""Choices of doormeldingen: handling markings, statuses, channels, the fields that can be selected."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Markering(models.TextChoices):
    """Handling marking in the spirit of TLP 2.0, strictest first."""

    RED = "TLP:RED", _("TLP:RED — alleen de genoemde ontvanger, niet verder delen")
    AMBER_STRICT = "TLP:AMBER+STRICT", _("TLP:AMBER+STRICT — alleen binnen de ontvangende organisatie")
    AMBER = "TLP:AMBER", _("TLP:AMBER — binnen de organisatie en haar opdrachtnemers, op need-to-know")


# Strictest first: a partner allowed AMBER may receive RED and AMBER+STRICT too.
STRENGHEID = {Markering.RED: 0, Markering.AMBER_STRICT: 1, Markering.AMBER: 2}


class Status(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VERSTUURD = "verstuurd", _("Verstuurd")
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    TERUGGEKOPPELD = "teruggekoppeld", _("Teruggekoppeld")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


# Follow-up after sending: one table of allowed status changes.
VOLGENDE_STATUS = {
    Status.VERSTUURD: {Status.ONTVANGEN, Status.IN_BEHANDELING, Status.TERUGGEKOPPELD, Status.AFGESLOTEN},
    Status.ONTVANGEN: {Status.IN_BEHANDELING, Status.TERUGGEKOPPELD, Status.AFGESLOTEN},
    Status.IN_BEHANDELING: {Status.TERUGGEKOPPELD, Status.AFGESLOTEN},
    Status.TERUGGEKOPPELD: {Status.AFGESLOTEN},
    Status.AFGESLOTEN: set(),
}


class Kanaal(models.TextChoices):
    DOWNLOADLINK = "downloadlink", _("Downloadlink met eenmalige code")
    BEVEILIGDE_MAIL = "beveiligde_mail", _("Zelf gedownload voor de beveiligde mail van de gemeente")


# The fields of a person that can be selected, with their Dutch labels. Nothing else ever goes.
PERSOON_VELDEN = {
    "naam": "Naam",
    "geboortedatum": "Geboortedatum",
    "adres": "Adres",
    "bsn": "BSN",
}
SIGNAAL_VELDEN = {
    "datum": "Datum van het signaal",
    "fenomenen": "Fenomenen",
    "indicatoren": "Indicatoren",
    "omschrijving": "Omschrijving (wat is gezien)",
}
