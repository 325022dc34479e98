from django import forms

from schakelpunt.overleggen.models import Overleg

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _collega(username: str):
    from schakelpunt.casussen.services import deelnemer_keuzes

    return deelnemer_keuzes().filter(username=(username or "").strip()).first()


class PlanForm(forms.Form):
    use_required_attribute = False
    titel = forms.CharField(
        label="Titel",
        max_length=120,
        initial="Casusoverleg",
        help_text="Neutraal: deze titel staat ook in agenda's van telefoons. Geen namen of casustitels.",
        error_messages={"required": "Geef het overleg een neutrale titel."},
    )
    soort = forms.ChoiceField(label="Soort", choices=Overleg.Soort.choices)
    begin = forms.DateTimeField(
        label="Begin",
        widget=DATETIME,
        input_formats=["%Y-%m-%dT%H:%M"],
        error_messages={"required": "Vul het begin in.", "invalid": "Vul datum en tijd in."},
    )
    einde = forms.DateTimeField(
        label="Einde",
        widget=DATETIME,
        input_formats=["%Y-%m-%dT%H:%M"],
        error_messages={"required": "Vul het einde in.", "invalid": "Vul datum en tijd in."},
    )
    locatie = forms.CharField(
        label="Plaats of videolink",
        max_length=300,
        required=False,
        help_text="Staat alleen in Schakelpunt, niet in de agenda-uitnodiging.",
    )
    voorzitter = forms.CharField(label="Voorzitter (gebruikersnaam)", max_length=150)
    notulist = forms.CharField(label="Notulist (gebruikersnaam)", max_length=150)

    def clean_voorzitter(self):
        user = _collega(self.cleaned_data["voorzitter"])
        if user is None:
            raise forms.ValidationError(
                "Kies een collega met de rol aandachtsfunctionaris, casusregisseur of deelnemer."
            )
        return user

    def clean_notulist(self):
        user = _collega(self.cleaned_data["notulist"])
        if user is None:
            raise forms.ValidationError(
                "Kies een collega met de rol aandachtsfunctionaris, casusregisseur of deelnemer."
            )
        return user


class AgendapuntForm(forms.Form):
    use_required_attribute = False
    casus = forms.IntegerField(label="Casusnummer", min_value=1, max_value=2**62)
    deelnemers = forms.CharField(
        label="Deelnemers voor dit punt (gebruikersnamen, gescheiden door komma's)", required=False, max_length=2000
    )

    def clean_deelnemers(self):
        names = [n.strip() for n in self.cleaned_data["deelnemers"].split(",") if n.strip()]
        users = []
        for name in names[:30]:
            user = _collega(name)
            if user is None:
                raise forms.ValidationError(f"'{name}' is geen collega die je kunt uitnodigen.")
            users.append(user)
        return users


class VerslagForm(forms.Form):
    use_required_attribute = False
    tekst = forms.CharField(label="Verslag", max_length=40000, widget=forms.Textarea(attrs={"rows": 18}))
    versie = forms.IntegerField(widget=forms.HiddenInput)
