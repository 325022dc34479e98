from django import forms

from schakelpunt.doormeldingen.constants import Kanaal, Markering, Status
from schakelpunt.doormeldingen.models import Grondslag, Ketenpartner
from schakelpunt.ui.forms import BegrensdeMeerkeuze


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


class KetenpartnerForm(forms.Form):
    """A partner organisation as the beheerder configures it; `code` only when it is new."""

    use_required_attribute = False

    code = forms.SlugField(
        label="Code",
        max_length=50,
        help_text="Kort en vast, zonder spaties (bv. politie). Gelijk aan de partner in de besluiten van een casus.",
        error_messages={"invalid": "Gebruik alleen kleine letters, cijfers, - en _."},
    )
    naam = forms.CharField(label="Naam", max_length=200, error_messages={"required": "Vul de naam in."})
    contact_naam = forms.CharField(label="Contactpersoon of functie", max_length=200, required=False)
    contact_email = forms.EmailField(
        label="E-mailadres voor de kennisgeving",
        required=False,
        help_text="Nodig zolang de partner actief is: hierheen gaat het bericht dat er een doormelding klaarstaat.",
        error_messages={"invalid": "Vul een geldig e-mailadres in, bijvoorbeeld intake@politie.example."},
    )
    contact_telefoon = forms.CharField(
        label="Telefoon (voor de eenmalige code)",
        max_length=40,
        required=False,
        help_text="De eenmalige code gaat apart van de link, bijvoorbeeld telefonisch.",
    )
    grondslagen = BegrensdeMeerkeuze(
        label="Toegestane grondslagen",
        queryset=Grondslag.objects.all(),
        required=False,
        help_text="Minstens één zolang de partner actief is.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Kies grondslagen uit de lijst.",
            "invalid_pk_value": "Kies grondslagen uit de lijst.",
        },
    )
    max_markering = forms.ChoiceField(
        label="Ruimste toegestane markering",
        choices=Markering.choices,
        help_text="Een doormelding aan deze partner kan niet ruimer gemarkeerd worden.",
    )
    actief = forms.BooleanField(
        label="Actief: het meldpunt kan aan deze partner doormelden", required=False, initial=True
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, bestaand: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if bestaand:
            del self.fields["code"]
