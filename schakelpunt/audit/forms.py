"""Search form for the access log."""

from django import forms
from django.utils.translation import gettext_lazy as _

from schakelpunt.ui.forms import DatumField


class AuditSearchForm(forms.Form):
    gebruiker = forms.CharField(label=_("Gebruiker (gebruikersnaam)"), required=False, max_length=150)
    betrokkene = forms.CharField(
        label=_("Betrokkene"),
        required=False,
        max_length=80,
        help_text=_(
            "Het pseudoniem van de persoon, bijvoorbeeld persoon:42. Zo beantwoord je de vraag: wie heeft "
            "mijn gegevens bekeken? Je vindt ook de signalen waarin de persoon betrokkene is en de personen "
            "die met hem zijn samengevoegd of van hem zijn afgesplitst."
        ),
    )
    object_type = forms.CharField(
        label=_("Objecttype"), required=False, max_length=60, help_text=_("Bijvoorbeeld signaal, casus of gebruiker.")
    )
    object_id = forms.CharField(label=_("Object-id"), required=False, max_length=64)
    van = DatumField(
        label=_("Vanaf (datum, UTC)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 2026-03-01.")},
    )
    tot = DatumField(
        label=_("Tot en met (datum, UTC)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 2026-03-31.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data
