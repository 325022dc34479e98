"""Forms of the casus screens. Services do the real checks; forms shape the input."""

from django import forms
from django.contrib.auth import get_user_model

from schakelpunt.accounts.models import Afdeling
from schakelpunt.casussen.constants import ActieStatus, BesluitSoort, EvaluatieUitkomst, MeldenUitkomst, Partner
from schakelpunt.casussen.models import CasusSubject, Fase
from schakelpunt.casussen.services import deelnemer_keuzes, regie_keuzes
from schakelpunt.ui.forms import BegrensdeMeerkeuze

DATE = forms.DateInput(attrs={"type": "date"})
PARTNER_KEUZES = [("", "—"), *Partner.choices]


class Form(forms.Form):
    """Several forms share the casus page: each gets its own id prefix, so labels stay unique."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{type(self).__name__.lower()}_%s")
        super().__init__(*args, **kwargs)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name()


class CasusOpenForm(Form):
    titel = forms.CharField(
        label="Titel", max_length=200, help_text="Zonder namen, bijvoorbeeld 'Zorgen om een leerling'."
    )
    regievoerder = UserChoiceField(label="Regievoerder", queryset=get_user_model().objects.none())
    samenvatting = forms.CharField(label="Samenvatting", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    signalen = forms.CharField(widget=forms.HiddenInput)
    heropen_reden = forms.CharField(
        label="Reden om afgesloten signalen te heropenen", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regievoerder"].queryset = regie_keuzes()

    def clean_signalen(self):
        try:
            ids = [int(x) for x in self.cleaned_data["signalen"].split(",") if x.strip()]
            if not all(0 < pk < 2**62 for pk in ids):
                raise ValueError("id buiten bereik")
            return ids
        except ValueError:
            raise forms.ValidationError("Kies de signalen opnieuw.") from None


class SignaalKoppelenForm(Form):
    casus = forms.IntegerField(label="Casusnummer", min_value=1)
    heropen_reden = forms.CharField(label="Reden om te heropenen (bij een afgesloten signaal)", required=False)


class CasusForm(Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    titel = forms.CharField(label="Titel", max_length=200)
    samenvatting = forms.CharField(label="Samenvatting", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    regievoerder = UserChoiceField(
        label="Regievoerder", queryset=get_user_model().objects.none(), required=False, empty_label="(ongewijzigd)"
    )
    bestuur_delen = forms.BooleanField(label="Samenvatting delen met bestuur", required=False)
    bestuur_samenvatting = forms.CharField(
        label="Samenvatting voor bestuur",
        help_text="Zonder persoonsgegevens: geen namen, adressen of geboortedata.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regievoerder"].queryset = regie_keuzes()


class FaseForm(Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    naar = forms.ModelChoiceField(label="Naar fase", queryset=Fase.objects.all(), to_field_name="code")
    reden = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    doorbreken = forms.BooleanField(
        label="Verder ondanks open verplichte punten (alleen aandachtsfunctionaris, met reden)", required=False
    )

    def __init__(self, *args, fasen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fasen is not None:
            self.fields["naar"].queryset = Fase.objects.filter(pk__in=[f.pk for f in fasen])


class DeelnemerForm(Form):
    # A username rather than a list of every possible participant (hundreds in a municipality).
    user = forms.CharField(label="Collega of partner (gebruikersnaam)", max_length=150)
    partner = forms.ChoiceField(label="Namens partner", choices=PARTNER_KEUZES, required=False)

    def clean_user(self):
        user = deelnemer_keuzes().filter(username=self.cleaned_data["user"].strip()).first()
        if user is None:
            raise forms.ValidationError("Nodig een collega of partner uit met de rol deelnemer of casusregisseur.")
        return user


class BesluitForm(Form):
    soort = forms.ChoiceField(label="Besluit", choices=BesluitSoort.choices)
    vraag = forms.CharField(label="Vraag", required=False, help_text="Leeg bij de twee vaste vragen.")
    opties = forms.CharField(label="Afgewogen opties", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    overwegingen = forms.CharField(label="Overwegingen", widget=forms.Textarea(attrs={"rows": 3}))
    melden = forms.ChoiceField(label="Gaan we melden?", choices=[("", "—"), *MeldenUitkomst.choices], required=False)
    melden_partner = forms.ChoiceField(label="Aan partner", choices=PARTNER_KEUZES, required=False)
    regie_user = UserChoiceField(label="Regie bij persoon", queryset=get_user_model().objects.none(), required=False)
    regie_partner = forms.ChoiceField(label="Of regie bij partner", choices=PARTNER_KEUZES, required=False)
    besluit = forms.CharField(
        label="Besluit",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Leeg: uit de keuze hierboven.",
    )
    geldig_van = forms.DateField(label="Geldig van", required=False, widget=DATE)
    geldig_tot = forms.DateField(label="Geldig tot (bij 'nog niet': tot wanneer)", required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regie_user"].queryset = regie_keuzes()


class SubjectForm(Form):
    persoon = forms.IntegerField(label="Persoonsnummer uit het register", min_value=1)


class UitvraagForm(Form):
    vraag = forms.CharField(label="Vraag", widget=forms.Textarea(attrs={"rows": 3}))
    subjecten = BegrensdeMeerkeuze(
        label="Over wie", queryset=CasusSubject.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    afdeling = forms.ModelChoiceField(label="Aan afdeling", queryset=Afdeling.objects.all(), required=False)
    # A username, not a list of every account: a municipality has thousands.
    ontvanger = forms.CharField(label="Of aan collega (gebruikersnaam)", max_length=150, required=False)
    deadline = forms.DateField(label="Deadline", widget=DATE)

    def clean_ontvanger(self):
        username = (self.cleaned_data.get("ontvanger") or "").strip()
        if not username:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError("Er is geen actieve collega met deze gebruikersnaam.")
        return user

    def __init__(self, *args, casus=None, **kwargs):
        super().__init__(*args, **kwargs)
        if casus is not None:
            self.fields["subjecten"].queryset = CasusSubject.objects.filter(casus=casus).select_related(
                "persoon", "betrokkene"
            )


class UitvraagStatusForm(Form):
    status = forms.ChoiceField(label="Actie", choices=[("gepauzeerd", "Pauzeren"), ("open", "Verlengen / hervatten")])
    reden = forms.CharField(label="Reden")
    deadline = forms.DateField(label="Nieuwe deadline", required=False, widget=DATE)


class AntwoordForm(Form):
    tekst = forms.CharField(label="Je antwoord", widget=forms.Textarea(attrs={"rows": 5}), required=False)
    niets_bekend = forms.BooleanField(label="Niets bekend over deze personen", required=False)


class QuickscanForm(Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    probleemdefinitie = forms.CharField(
        label="Gezamenlijke probleemdefinitie", widget=forms.Textarea(attrs={"rows": 3})
    )
    probleemeigenaar = forms.CharField(label="Probleemeigenaar", max_length=200)
    partners = forms.CharField(label="Betrokken partners", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    veiligheid = forms.CharField(
        label="Veiligheid: is een kind nu veilig?", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    verbreden = forms.BooleanField(label="Verbreden naar een projectaanpak", required=False)
    verbreden_toelichting = forms.CharField(label="Toelichting op verbreden", required=False)


class PlanForm(Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    revisie = forms.IntegerField(widget=forms.HiddenInput, required=False)
    doelen = forms.CharField(label="Doelen", widget=forms.Textarea(attrs={"rows": 3}))
    strategie_zorg = forms.CharField(label="Strategie: zorg", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    strategie_straf = forms.CharField(
        label="Strategie: straf", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    partners_afspraken = forms.CharField(
        label="Partners en afspraken", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    programma = forms.CharField(label="Aansluiting bij lokaal programma", required=False, max_length=200)


def _betrokken_users(casus):
    """The regievoerder and the active participants: who can own an action or monitor."""
    from django.db.models import Q

    return (
        get_user_model()
        .objects.filter(
            Q(pk=casus.regievoerder_id) | Q(casus_deelnames__casus=casus, casus_deelnames__verwijderd_op__isnull=True)
        )
        .distinct()
    )


class ActieForm(Form):
    titel = forms.CharField(label="Actie of interventie", max_length=200)
    doel = forms.CharField(label="Doel dat het dient", max_length=300, required=False)
    eigenaar = UserChoiceField(label="Eigenaar", queryset=get_user_model().objects.none())
    partner = forms.ChoiceField(label="Uitgevoerd door partner", choices=PARTNER_KEUZES, required=False)
    deadline = forms.DateField(label="Deadline", widget=DATE)

    def __init__(self, *args, casus=None, **kwargs):
        super().__init__(*args, **kwargs)
        if casus is not None:
            User = get_user_model()
            ids = [
                casus.regievoerder_id,
                *casus.deelnemers.filter(verwijderd_op__isnull=True).values_list("user_id", flat=True),
            ]
            self.fields["eigenaar"].queryset = User.objects.filter(pk__in=ids)


class ActieBijwerkenForm(Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label="Status", choices=ActieStatus.choices)
    resultaat = forms.CharField(label="Resultaat", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EvaluatieForm(Form):
    per_doel = forms.CharField(
        label="Per doel: hebben de interventies gewerkt?", widget=forms.Textarea(attrs={"rows": 3})
    )
    commitment = forms.CharField(
        label="Is het commitment er nog?", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    aanbevelingen = forms.CharField(
        label="Aanbevelingen voor beleid", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    uitkomst = forms.ChoiceField(label="Uitkomst", choices=EvaluatieUitkomst.choices)
    monitoring_door = UserChoiceField(label="Monitoring door", queryset=get_user_model().objects.none(), required=False)
    monitoring_tot = forms.DateField(label="Monitoring tot", required=False, widget=DATE)
    opschalen_als = forms.CharField(label="Wat maakt dat we weer opschalen?", required=False)

    def __init__(self, *args, casus=None, **kwargs):
        super().__init__(*args, **kwargs)
        if casus is not None:
            self.fields["monitoring_door"].queryset = _betrokken_users(casus)


class SjabloonForm(Form):
    sjabloon = forms.IntegerField(widget=forms.HiddenInput)


class TijdlijnFilterForm(Form):
    from schakelpunt.casussen.constants import GebeurtenisSoort as _S

    soort = forms.ChoiceField(label="Soort gebeurtenis", choices=[("", "Alles"), *_S.choices], required=False)


class CasusFilterForm(Form):
    fase = forms.ModelChoiceField(
        label="Fase", queryset=Fase.objects.all(), to_field_name="code", required=False, empty_label="Alle fasen"
    )
    te_laat = forms.BooleanField(label="Alleen over de normtijd", required=False)
    eigen = forms.BooleanField(label="Alleen waar ik de regie heb", required=False)
