"""Forms of the subjecten screens: every decision about persons is taken with a written rationale."""

from django import forms


class BeoordelingForm(forms.Form):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[("bevestigen", "Zelfde persoon: samenvoegen"), ("afwijzen", "Verschillende personen")],
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        label="Onderbouwing",
        help_text="Waarom? Dit wordt bewaard bij de beslissing.",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class RedenForm(forms.Form):
    reden = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class AfhandelenForm(forms.Form):
    toelichting = forms.CharField(
        label="Wat is ermee gedaan?", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class CombinerenForm(forms.Form):
    toelichting = forms.CharField(
        label="Toelichting voor het meldpunt",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
