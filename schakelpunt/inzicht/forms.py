"""Forms of inzicht: a trend note, the self-check of a module, a module's content."""

from django import forms

from schakelpunt.taxonomie.models import Fenomeen, Indicator
from schakelpunt.ui.forms import BegrensdeMeerkeuze


class TrendnotitieForm(forms.Form):
    use_required_attribute = False

    titel = forms.CharField(label="Titel", max_length=200, error_messages={"required": "Geef de notitie een titel."})
    tekst = forms.CharField(
        label="Wat speelt er?",
        error_messages={"required": "Schrijf wat er speelt en waar professionals op letten."},
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Zonder namen of adressen: wat zien we, en waar letten professionals op.",
    )
    actueel_tot = forms.DateField(
        label="Actueel tot",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Tot wanneer is dit actueel?",
            "invalid": "Vul een datum in, bijvoorbeeld 31-12-2026.",
        },
    )
    fenomenen = BegrensdeMeerkeuze(
        label="Fenomenen",
        queryset=Fenomeen.objects.filter(actief=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    indicatoren = BegrensdeMeerkeuze(
        label="Indicatoren",
        queryset=Indicator.objects.filter(actief=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    bron = forms.CharField(
        label="Bron", max_length=200, required=False, help_text="Bijvoorbeeld: casusoverleg van maart."
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ModuleForm(forms.Form):
    use_required_attribute = False

    titel = forms.CharField(label="Titel", max_length=200)
    samenvatting = forms.CharField(label="Samenvatting", max_length=300)
    inhoud = forms.CharField(
        label="Inhoud",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Alinea's gescheiden door een witregel.",
    )
    oefencasus = forms.CharField(
        label="Oefencasus (fictief)", max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    actief = forms.BooleanField(label="Actief (zichtbaar voor professionals)", required=False)
    versie = forms.IntegerField(widget=forms.HiddenInput)


class ZelftoetsForm(forms.Form):
    """One radio group per self-check question of the module."""

    use_required_attribute = False

    def __init__(self, *args, module, **kwargs):
        super().__init__(*args, **kwargs)
        self.vragen = list(module.vragen.all())
        for vraag in self.vragen:
            self.fields[f"vraag_{vraag.pk}"] = forms.TypedChoiceField(
                label=vraag.tekst,
                choices=list(enumerate(vraag.opties)),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Kies een antwoord."},
            )

    def antwoorden(self) -> dict[int, int]:
        return {v.pk: self.cleaned_data.get(f"vraag_{v.pk}") for v in self.vragen}
