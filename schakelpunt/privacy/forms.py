from django import forms


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
