"""The form of one version of a processing activity."""

from django import forms

from schakelpunt.verwerkingen.models import Vertrouwelijkheid


def _tekst(label: str, message: str, rows: int = 3, max_length: int = 2000, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message, "max_length": f"Gebruik hooguit {max_length} tekens."},
    )


class VersieForm(forms.Form):
    use_required_attribute = False
    naam = forms.CharField(
        label="Naam",
        max_length=200,
        error_messages={"required": "Geef de verwerking een naam.", "max_length": "Gebruik hooguit 200 tekens."},
    )
    doel = _tekst("Doel", "Beschrijf het doel van de verwerking.")
    grondslag = _tekst(
        "Rechtsgrond",
        "Noem de rechtsgrond (bijvoorbeeld AVG art. 6 lid 1 sub e en de wet die de taak geeft).",
        help_text="Het artikel van de AVG en de wet die de taak of plicht geeft.",
    )
    categorieen_gegevens = _tekst("Categorieën persoonsgegevens", "Noem de categorieën persoonsgegevens.")
    categorieen_betrokkenen = _tekst("Categorieën betrokkenen", "Noem de categorieën betrokkenen.", rows=2)
    bewaartermijn = forms.CharField(
        label="Bewaartermijn",
        max_length=500,
        error_messages={"required": "Noem de bewaartermijn.", "max_length": "Gebruik hooguit 500 tekens."},
    )
    vertrouwelijkheid = forms.ChoiceField(
        label="Vertrouwelijkheid (BIO)",
        choices=[("", "Kies…"), *Vertrouwelijkheid.choices],
        error_messages={"required": "Kies een vertrouwelijkheid.", "invalid_choice": "Kies een vertrouwelijkheid."},
    )


class WijzigForm(VersieForm):
    reden = _tekst("Reden van de wijziging", "Leg uit waarom de verwerking verandert.", rows=2, max_length=1000)
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31)


class NieuwForm(VersieForm):
    key = forms.CharField(
        label="Sleutel",
        max_length=60,
        help_text="Vast en uniek, kleine letters met een punt, bijvoorbeeld meldpunt.intake. Verandert nooit.",
        error_messages={"required": "Kies een sleutel, bijvoorbeeld meldpunt.intake."},
    )
    field_order = ["key", "naam"]
