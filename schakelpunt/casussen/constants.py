"""Choices of the casussen app: decisions, participants, uitvraag, actions, timeline events."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BesluitSoort(models.TextChoices):
    MELDEN = "melden", _("Gaan we melden?")
    REGIE = "regie", _("Wie heeft de regie?")
    OVERIG = "overig", _("Ander besluit")


class MeldenUitkomst(models.TextChoices):
    JA = "ja", _("Ja, melden")
    NEE = "nee", _("Nee, niet melden")
    NOG_NIET = "nog_niet", _("Nog niet")


class Partner(models.TextChoices):
    """Chain partners a casus can report to or hand the regie to (DOMAIN.md, doormelding)."""

    RIEC = "riec", _("RIEC")
    POLITIE = "politie", _("Politie")
    NLA = "nla", _("Nederlandse Arbeidsinspectie")
    BELASTINGDIENST = "belastingdienst", _("Belastingdienst")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    ZVH = "zvh", _("Zorg- en Veiligheidshuis")
    COMENSHA = "comensha", _("CoMensha")
    JEUGDTEAM = "jeugdteam", _("Jeugdteam")
    SOCIAAL_TEAM = "sociaal_team", _("Sociaal team")


class SubjectBron(models.TextChoices):
    SIGNAAL = "signaal", _("Uit een signaal")
    REGISTER = "register", _("Toegevoegd uit het register")


class UitvraagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    GEPAUZEERD = "gepauzeerd", _("Gepauzeerd")
    BEANTWOORD = "beantwoord", _("Beantwoord")


class PlanStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    VERVANGEN = "vervangen", _("Vervangen door een nieuwere versie")


class ActieStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEZIG = "bezig", _("Bezig")
    GEREED = "gereed", _("Gereed")
    GESTOPT = "gestopt", _("Gestopt")


class EvaluatieUitkomst(models.TextChoices):
    AFSLUITEN = "afsluiten", _("Afsluiten")
    VOORTZETTEN = "voortzetten", _("Voortzetten")
    MONITORING = "monitoring", _("Afschalen naar monitoring")


class GebeurtenisSoort(models.TextChoices):
    GEOPEND = "geopend", _("Casus geopend")
    SIGNAAL = "signaal", _("Signaal toegevoegd")
    SUBJECT = "subject", _("Subject toegevoegd")
    FASE = "fase", _("Fase gewijzigd")
    CHECKLIST = "checklist", _("Checklist")
    DEELNEMER_IN = "deelnemer_in", _("Deelnemer toegevoegd")
    DEELNEMER_UIT = "deelnemer_uit", _("Deelnemer verwijderd")
    BESLUIT = "besluit", _("Besluit")
    UITVRAAG = "uitvraag", _("Uitvraag")
    ANTWOORD = "antwoord", _("Antwoord op uitvraag")
    QUICKSCAN = "quickscan", _("Quickscan")
    PLAN = "plan", _("Plan van aanpak")
    ACTIE = "actie", _("Actie")
    EVALUATIE = "evaluatie", _("Evaluatie")
    MONITORING = "monitoring", _("Monitoring")
    GEWIJZIGD = "gewijzigd", _("Casus gewijzigd")
    SIGNAAL_NA_AFSCHALEN = "signaal_na_afschalen", _("Nieuw signaal over een subject")


# Codes of the phases that the code itself needs to know; everything else about a phase is data.
FASE_START = "signalen_opvangen"
FASE_MONITORING = "monitoring"
FASE_AFGESLOTEN = "afgesloten"
