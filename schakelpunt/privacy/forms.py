from django import forms

from schakelpunt.privacy.models import Verzoek


class BewaartermijnForm(forms.Form):
    use_required_attribute = False
    termijn_dagen = forms.IntegerField(
        label="Bewaartermijn in dagen",
        min_value=1,
        max_value=36500,
        error_messages={"required": "Vul een aantal dagen in.", "invalid": "Vul een heel aantal dagen in."},
    )
    toelichting = forms.CharField(
        label="Toelichting (besluit van de archivaris)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)


class UitzonderenForm(forms.Form):
    use_required_attribute = False
    reden = forms.CharField(
        label="Reden", max_length=500, error_messages={"required": "Leg uit waarom dit niet vernietigd wordt."}
    )


class BlokkadeForm(forms.Form):
    use_required_attribute = False
    persoonsnummer = forms.IntegerField(label="Persoonsnummer", required=False, min_value=1, max_value=2**62)
    signaalnummer = forms.IntegerField(label="Signaalnummer (zonder S-)", required=False, min_value=1, max_value=2**62)
    reden = forms.CharField(
        label="Reden",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Leg uit waarom niets vernietigd mag worden."},
    )
    beoordelen_op = forms.DateField(
        label="Opnieuw beoordelen op",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Kies een datum.", "invalid": "Vul een datum in, bijvoorbeeld 31-12-2026."},
    )


class VerzoekForm(forms.Form):
    use_required_attribute = False
    soort = forms.ChoiceField(
        label="Soort verzoek",
        choices=[("", "Kies…"), *Verzoek.Soort.choices],
        error_messages={"required": "Kies de soort verzoek."},
    )
    persoonsnummer = forms.IntegerField(
        label="Persoonsnummer",
        min_value=1,
        max_value=2**62,
        error_messages={"required": "Vul het nummer van de persoon in.", "invalid": "Vul een nummer in."},
    )
    ontvangen_op = forms.DateField(
        label="Ontvangen op",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Vul de datum van ontvangst in.",
            "invalid": "Vul een datum in, bijvoorbeeld 31-12-2026.",
        },
    )
    omschrijving = forms.CharField(
        label="Omschrijving van het verzoek",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Beschrijf het verzoek."},
    )


class VerlengenForm(forms.Form):
    use_required_attribute = False
    reden = forms.CharField(
        label="Reden van verlenging",
        max_length=1000,
        error_messages={"required": "Geef de reden van de verlenging (die krijgt de betrokkene ook)."},
    )


class NamenForm(forms.Form):
    use_required_attribute = False
    namen_tonen = forms.BooleanField(label="Namen van medewerkers zijn essentieel en worden getoond", required=False)
    reden_namen = forms.CharField(label="Waarom de namen essentieel zijn", max_length=1000, required=False)


class AfhandelenForm(forms.Form):
    use_required_attribute = False
    uitkomst = forms.CharField(
        label="Uitkomst",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Beschrijf de uitkomst (wat je hebt gedaan of waarom niet)."},
    )
    toekennen = forms.BooleanField(
        label="Beperking toekennen: de gegevens blijven bewaard en worden niet gebruikt", required=False
    )


class InhoudingForm(forms.Form):
    use_required_attribute = False
    reden = forms.CharField(
        label="Reden (UAVG art. 41)",
        max_length=1000,
        error_messages={"required": "Geef de grond uit UAVG art. 41 en waarom die hier geldt."},
    )
    beoordelen_op = forms.DateField(
        label="Opnieuw beoordelen op",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Kies een datum.", "invalid": "Vul een datum in, bijvoorbeeld 31-12-2026."},
    )
