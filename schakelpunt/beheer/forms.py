"""Forms of the beheer screens; the rules live in services."""

from django import forms

from schakelpunt.accounts.models import Afdeling
from schakelpunt.accounts.roles import Rol
from schakelpunt.beheer.models import VIER_OGEN_ROLLEN


def _rol_label(code: str, label: str) -> str:
    return f"{label} (vier ogen: een tweede beheerder keurt goed)" if code in VIER_OGEN_ROLLEN else str(label)


class GebruikerForm(forms.Form):
    first_name = forms.CharField(label="Voornaam", required=False, max_length=150)
    last_name = forms.CharField(label="Achternaam", required=False, max_length=150)
    email = forms.CharField(label="E-mailadres", required=False, max_length=254)
    afdeling = forms.ModelChoiceField(
        label="Afdeling", queryset=Afdeling.objects.none(), required=False, empty_label="Geen afdeling"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["afdeling"].queryset = Afdeling.objects.order_by("naam")


class NieuweGebruikerForm(GebruikerForm):
    username = forms.CharField(
        label="Gebruikersnaam",
        max_length=150,
        help_text="Zoals de gebruiker inlogt; bij inloggen met het gemeentelijke account dezelfde naam als daar.",
        error_messages={"required": "Vul een gebruikersnaam in."},
    )
    rollen = forms.MultipleChoiceField(
        label="Rollen",
        required=False,
        choices=[(code, _rol_label(code, label)) for code, label in Rol.choices],
        widget=forms.CheckboxSelectMultiple,
    )
    reden = forms.CharField(
        label="Waarom heeft deze persoon deze rol nodig?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Nodig bij een rol die veel ziet; de tweede beheerder leest het.",
    )
    field_order = ["username", "first_name", "last_name", "email", "afdeling", "rollen", "reden"]


class RolForm(forms.Form):
    rol = forms.ChoiceField(
        label="Rol", choices=[("", "Kies een rol"), *[(c, _rol_label(c, lbl)) for c, lbl in Rol.choices]]
    )
    reden = forms.CharField(
        label="Waarom is deze rol nodig?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Nodig bij een rol die veel ziet; de tweede beheerder leest het.",
    )


class BesluitForm(forms.Form):
    toelichting = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AfdelingForm(forms.Form):
    naam = forms.CharField(
        label="Naam van de afdeling", max_length=200, error_messages={"required": "Vul de naam van de afdeling in."}
    )
