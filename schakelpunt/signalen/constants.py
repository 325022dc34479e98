"""Choices of the signalen app: status, triage actions, roles of betrokkenen, sources."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakelpunt.taxonomie.seed_data import AFSLUITREDENEN


class Status(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    MEER_INFORMATIE = "meer_informatie", _("Wacht op informatie van de melder")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    OPGESCHAALD = "opgeschaald", _("Opgeschaald")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


class TriageActie(models.TextChoices):
    MEER_INFORMATIE = "meer_informatie", _("Melder om meer informatie vragen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling nemen")
    OPSCHALEN = "opschalen", _("Opschalen")
    AFSLUITEN = "afsluiten", _("Afsluiten met een reden")
    # Later parts add "casus_openen" and "aan_casus_toevoegen" here and in workflow.TRIAGE_NAAR_STATUS.


AfsluitReden = models.TextChoices("AfsluitReden", [(code, (code, label)) for code, label in AFSLUITREDENEN])


class Rol(models.TextChoices):
    MOGELIJK_SLACHTOFFER = "mogelijk_slachtoffer", _("Mogelijk slachtoffer")
    MOGELIJKE_DADER = "mogelijke_dader", _("Mogelijke dader")
    BETROKKENE = "betrokkene", _("Betrokkene")


class RelatieSoort(models.TextChoices):
    """How one betrokkene relates to another, as the melder says it ("Karel is ouder van Noor")."""

    OUDER = "ouder", _("ouder van")
    KIND = "kind", _("kind van")
    PARTNER = "partner", _("partner van")
    BROER_ZUS = "broer_zus", _("broer of zus van")
    FAMILIE = "familie", _("familie van")
    HUISGENOOT = "huisgenoot", _("huisgenoot van")
    WERKGEVER = "werkgever", _("werkgever van")
    WERKT_BIJ = "werkt_bij", _("werkt bij")
    VERHUURDER = "verhuurder", _("verhuurder van")


# Relations that exist only between two persons.
PERSOONSRELATIES = frozenset(
    {
        RelatieSoort.OUDER,
        RelatieSoort.KIND,
        RelatieSoort.PARTNER,
        RelatieSoort.BROER_ZUS,
        RelatieSoort.FAMILIE,
        RelatieSoort.HUISGENOOT,
    }
)


class Soort(models.TextChoices):
    PERSOON = "persoon", _("Persoon")
    ADRES = "adres", _("Adres")
    ORGANISATIE = "organisatie", _("Organisatie")
    VOERTUIG = "voertuig", _("Voertuig")
    TELEFOON = "telefoon", _("Telefoonnummer")


class Bron(models.TextChoices):
    EIGEN_WAARNEMING = "eigen_waarneming", _("Eigen waarneming")
    GESPREK = "gesprek", _("Gesprek")
    DERDEN = "derden", _("Via een derde")
    SOCIAL_MEDIA = "social_media", _("Social media")
    DOCUMENTEN = "documenten", _("Documenten")


class Onderbuikgevoel(models.IntegerChoices):
    LICHT = 1, _("Licht: er klopt iets niet")
    DUIDELIJK = 2, _("Duidelijk: ik maak me zorgen")
    STERK = 3, _("Sterk: ik ben er vrij zeker van")
