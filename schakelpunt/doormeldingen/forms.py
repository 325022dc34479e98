from django import forms

from schakelpunt.doormeldingen.constants import Kanaal, Markering, Status
from schakelpunt.doormeldingen.models import Grondslag, Ketenpartner


class DoormeldingForm(forms.Form):
    """The metadata of a referral; the selection of data is read from the checkboxes beside it."""

    use_required_attribute = False

    partner = forms.ModelChoiceField(
        label="Ketenpartner",
        queryset=Ketenpartner.objects.filter(actief=True),
        error_messages={"required": "Kies de ketenpartner.", "invalid_choice": "Kies een ketenpartner uit de lijst."},
    )
    grondslag = forms.ModelChoiceField(
        label="Grondslag",
        queryset=Grondslag.objects.all(),
        error_messages={"required": "Kies de grondslag.", "invalid_choice": "Kies een grondslag uit de lijst."},
    )
    verwerking = forms.CharField(
        label="Verwerkingsactiviteit", max_length=200, initial="Doormelden aan een ketenpartner"
    )
    reden = forms.CharField(
        label="Reden",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Leg uit waarom deze gegevens naar de partner gaan."},
    )
    markering = forms.ChoiceField(label="Markering", choices=Markering.choices, initial=Markering.AMBER_STRICT)
    toegestaan_gebruik = forms.CharField(
        label="Wat mag de partner ermee doen?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        initial="Alleen gebruiken voor de beoordeling of er aanleiding is voor onderzoek; niet verder verstrekken.",
    )
    geldig_tot = forms.DateField(
        label="Markering geldt tot",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Kies een datum.", "invalid": "Vul een datum in, bijvoorbeeld 31-12-2027."},
    )


class VersturenForm(forms.Form):
    use_required_attribute = False
    kanaal = forms.ChoiceField(
        label="Hoe ontvangt de partner de doormelding?", choices=Kanaal.choices, widget=forms.RadioSelect
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)


class OpvolgingForm(forms.Form):
    use_required_attribute = False
    status = forms.ChoiceField(label="Nieuwe status", choices=[c for c in Status.choices if c[0] != Status.CONCEPT])
    terugkoppeling_partner = forms.CharField(
        label="Terugkoppeling van de partner", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    bericht_melder = forms.CharField(
        label="Bericht aan de melder(s)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen wat de melder mag weten, zonder details van het onderzoek. Leeg laten: geen bericht.",
    )


class CodeForm(forms.Form):
    use_required_attribute = False
    code = forms.CharField(
        label="Eenmalige code", max_length=12, error_messages={"required": "Vul de code in die u apart kreeg."}
    )


class HerstelForm(forms.Form):
    use_required_attribute = False
    persoonsnummer = forms.IntegerField(label="Persoonsnummer", min_value=1, max_value=2**62)
    reden = forms.CharField(label="Wat is er gecorrigeerd of gewist?", max_length=500)
