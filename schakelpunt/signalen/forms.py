"""Forms of the report page, the aanvulling and the triage step. Rules live in services and validators."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict, ErrorList
from django.utils import timezone

from schakelpunt.accounts.models import Afdeling
from schakelpunt.signalen import services, validators
from schakelpunt.signalen.constants import (
    AfsluitReden,
    Bron,
    Onderbuikgevoel,
    RelatieSoort,
    Rol,
    Status,
    TriageActie,
)
from schakelpunt.taxonomie.models import Fenomeen, Indicator
from schakelpunt.taxonomie.seed_data import TERUGKOPPELING_SJABLONEN
from schakelpunt.ui.forms import BegrensdeMeerkeuze, DatumField

JA_NEE = [("nee", "Nee"), ("ja", "Ja")]
ADRES_VELDEN = services.ADRES_VELDEN


def _ja_nee(label: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=JA_NEE,
        coerce=lambda v: v == "ja",
        initial="nee",
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


class SignaalForm(forms.Form):
    omschrijving = forms.CharField(
        label="Wat heb je gezien of gehoord?",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=settings.SIGNAAL_OMSCHRIJVING_MAX,
        help_text="Beschrijf feiten: wat, wie, hoe vaak. Je hoeft niet zeker te zijn; een niet-pluisgevoel is genoeg.",
        error_messages={"required": "Beschrijf wat je hebt gezien of gehoord."},
    )
    waargenomen_op = forms.DateField(
        label="Wanneer?", required=False, widget=DateInput, error_messages={"invalid": "Vul een geldige datum in."}
    )
    locatie = forms.CharField(
        label="Waar?",
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: tijdens huisbezoek, op kantoor, adres of wijk.",
    )
    indicatoren = BegrensdeMeerkeuze(
        label="Wat viel je op?",
        required=False,
        queryset=Indicator.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Vink aan wat past. Bij elke keuze zie je waar je op kunt letten.",
    )
    fenomenen = BegrensdeMeerkeuze(
        label="Waar denk je aan?",
        required=False,
        queryset=Fenomeen.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Weet je het niet, laat dit dan leeg. Dat is heel gewoon.",
    )
    onderbuikgevoel = forms.TypedChoiceField(
        label="Hoe sterk is je gevoel dat er iets niet klopt?",
        choices=Onderbuikgevoel.choices,
        coerce=int,
        initial=Onderbuikgevoel.DUIDELIJK,
        widget=forms.RadioSelect,
    )
    acuut_gevaar = _ja_nee("Is er acuut gevaar?", "Bij acuut gevaar: bel eerst 112 en meld daarna hier.")
    minderjarigen_betrokken = _ja_nee("Zijn er minderjarigen bij betrokken?")
    bron = forms.ChoiceField(
        label="Hoe weet je dit?", choices=Bron.choices, initial=Bron.EIGEN_WAARNEMING, widget=forms.RadioSelect
    )
    identiteit_delen = _ja_nee(
        "Mag je naam gedeeld worden met partners?",
        "Standaard niet. Alleen de aandachtsfunctionaris ziet wie er gemeld heeft.",
    )
    bijlagen = MultipleFileField(
        label="Bijlagen",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The help text follows the configured limits.
        self.fields["bijlagen"].help_text = (
            f"Foto's, PDF of documenten, hoogstens {settings.SIGNAAL_BIJLAGEN_MAX}, elk hoogstens "
            f"{settings.SIGNAAL_BIJLAGE_MAX_BYTES // (1024 * 1024)} MB. Bijlagen worden niet in het concept "
            "bewaard: voeg ze toe vlak voor je verstuurt."
        )
        self.fields["indicatoren"].queryset = Indicator.objects.filter(actief=True).select_related("levensdomein")
        self.fields["fenomenen"].queryset = Fenomeen.objects.filter(actief=True)

    def clean_waargenomen_op(self):
        value = self.cleaned_data.get("waargenomen_op")
        if value and value > timezone.localdate():
            raise ValidationError("Deze datum ligt in de toekomst.")
        return value

    def clean_bijlagen(self):
        files = self.cleaned_data.get("bijlagen") or []
        if len(files) > settings.SIGNAAL_BIJLAGEN_MAX:
            raise ValidationError(f"Voeg hoogstens {settings.SIGNAAL_BIJLAGEN_MAX} bijlagen toe.")
        errors = []
        for uploaded in files:
            try:
                validators.clean_bijlage(uploaded)
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        return files


class BetrokkeneForm(forms.Form):
    rol = forms.ChoiceField(label="Rol", choices=Rol.choices, initial=Rol.BETROKKENE)
    voornamen = forms.CharField(label="Voornaam of voornamen", required=False, max_length=200)
    voorvoegsel = forms.CharField(label="Tussenvoegsel", required=False, max_length=30)
    geslachtsnaam = forms.CharField(label="Achternaam", required=False, max_length=200)
    geboortejaar = forms.IntegerField(
        label="Geboortejaar", required=False, error_messages={"invalid": "Vul een jaartal in, bijvoorbeeld 1990."}
    )
    geboortemaand = forms.IntegerField(
        label="Maand", required=False, error_messages={"invalid": "Vul een maand in als getal (1 tot 12)."}
    )
    geboortedag = forms.IntegerField(label="Dag", required=False, error_messages={"invalid": "Vul een dag in."})
    geboortedatum_geschat = forms.BooleanField(label="Geboortejaar is een schatting", required=False)
    bsn = forms.CharField(label="BSN", required=False, max_length=12, help_text="Alleen als je het zeker weet.")
    straat = forms.CharField(label="Straat", required=False, max_length=200)
    huisnummer = forms.IntegerField(
        label="Huisnummer",
        required=False,
        min_value=1,
        max_value=99999,
        error_messages={"invalid": "Een huisnummer is een getal.", "min_value": "Een huisnummer is 1 of hoger."},
    )
    huisletter = forms.CharField(label="Huisletter", required=False, max_length=1)
    toevoeging = forms.CharField(label="Toevoeging", required=False, max_length=10)
    postcode = forms.CharField(label="Postcode", required=False, max_length=12)
    woonplaats = forms.CharField(label="Plaats", required=False, max_length=100)
    land = forms.CharField(
        label="Land", required=False, max_length=60, initial="Nederland", help_text="Een buitenlands adres mag ook."
    )
    organisatienaam = forms.CharField(label="Naam organisatie of bedrijf", required=False, max_length=200)
    kvk_nummer = forms.CharField(label="KvK-nummer", required=False, max_length=12)
    kenteken = forms.CharField(label="Kenteken", required=False, max_length=12)
    telefoonnummer = forms.CharField(label="Telefoonnummer", required=False, max_length=30)
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=500)
    zelfde_adres = forms.BooleanField(label="Zelfde adres als betrokkene 1", required=False)
    # "This betrokkene is <relatie> betrokkene <relatie_met>" (a number shown in the form, from 1).
    relatie = forms.ChoiceField(
        label="Relatie", required=False, choices=[("", "geen of weet ik niet"), *RelatieSoort.choices]
    )
    relatie_met = forms.TypedChoiceField(
        label="Met", required=False, coerce=int, empty_value=None, choices=[(str(n), n) for n in range(1, 21)]
    )

    def clean(self):
        data = super().clean()
        if self.errors or services.betrokkene_is_leeg(data):
            return data
        try:
            # The form's own choices (relation, same address) stay beside the betrokkene's data.
            eigen = {k: data.get(k) for k in ("zelfde_adres", "relatie", "relatie_met")}
            return {**services.betrokkene_clean(data), **eigen}
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return data

    def is_leeg(self) -> bool:
        return not hasattr(self, "cleaned_data") or services.betrokkene_is_leeg(self.cleaned_data)


class BaseBetrokkeneFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        eerste = getattr(self.forms[0], "cleaned_data", None) if self.forms else None
        for form in self.forms[1:]:
            data = getattr(form, "cleaned_data", None)
            if not data or not data.get("zelfde_adres"):
                continue
            if not eerste or not any(eerste.get(veld) for veld in ADRES_VELDEN):
                form.add_error("zelfde_adres", "Betrokkene 1 heeft geen adres; vul het adres hier in.")
            else:
                data.update({veld: eerste.get(veld) for veld in (*ADRES_VELDEN, "land")})
        for nummer, form in enumerate(self.forms, start=1):
            data = getattr(form, "cleaned_data", None) or {}
            if form.is_leeg() or not data.get("relatie"):
                continue
            met = data.get("relatie_met")
            if met is None or not 1 <= met < nummer or self.forms[met - 1].is_leeg():
                form.add_error("relatie_met", "Kies een betrokkene die je hierboven hebt ingevuld.")

    def relaties(self) -> list[tuple[int, str, int]]:
        """The stated relations as (van, soort, naar): positions among the non-empty betrokkenen."""
        positie = {}
        for i, form in enumerate(self.forms):
            if not form.is_leeg():
                positie[i] = len(positie)
        return [
            (positie[i], form.cleaned_data["relatie"], positie[form.cleaned_data["relatie_met"] - 1])
            for i, form in enumerate(self.forms)
            if i in positie and form.cleaned_data.get("relatie") and form.cleaned_data.get("relatie_met")
        ]

    def betrokkenen(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if not f.is_leeg()]


BetrokkeneFormSet = forms.formset_factory(
    BetrokkeneForm,
    formset=BaseBetrokkeneFormSet,
    extra=1,
    max_num=settings.SIGNAAL_BETROKKENEN_MAX,
    validate_max=True,
    # A tampered TOTAL_FORMS builds (and renders) at most this many forms, not Django's 1000 more.
    absolute_max=settings.SIGNAAL_BETROKKENEN_MAX,
)


def suppress_errors(form) -> None:
    """Render a bound form (a restored draft) with what was typed but without validation errors."""
    if isinstance(form, forms.BaseFormSet):
        form._errors = []
        form._non_form_errors = ErrorList()
        for sub in form.forms:
            suppress_errors(sub)
        return
    form._errors = ErrorDict()


class AanvullingForm(forms.Form):
    tekst = forms.CharField(
        label="Wat wil je toevoegen?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=settings.SIGNAAL_OMSCHRIJVING_MAX,
        error_messages={"required": "Vul in wat je wilt toevoegen."},
    )


class TriageForm(forms.Form):
    actie = forms.ChoiceField(
        label="Wat doe je met dit signaal?",
        choices=TriageActie.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies wat je met het signaal doet."},
    )
    rationale = forms.CharField(
        label="Onderbouwing",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kort waarom. Wordt bewaard; de melder ziet dit niet.",
        error_messages={"required": "Leg kort uit waarom; dit wordt bewaard."},
    )
    vraag = forms.CharField(
        label="Vraag aan de melder",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Nodig bij 'melder om meer informatie vragen'. De melder antwoordt in Schakelpunt.",
    )
    afsluitreden = forms.ChoiceField(
        label="Reden van afsluiten",
        required=False,
        choices=[("", "Kies een reden"), *AfsluitReden.choices],
        help_text="Nodig bij 'afsluiten met een reden'.",
    )
    collegas = BegrensdeMeerkeuze(
        label="Collega's direct op de hoogte brengen",
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="Bij 'opschalen'. Zij krijgen bericht en mogen het signaal lezen tot het meldpunt dat intrekt.",
    )
    terugkoppeling = forms.CharField(
        label="Bericht aan de melder",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Vertel wat er gebeurt, zonder vertrouwelijke details over betrokkenen of onderzoek.",
        error_messages={"required": "Schrijf een bericht aan de melder."},
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collegas"].queryset = services.collega_keuzes()
        self.fields["collegas"].label_from_instance = lambda u: u.display_name()

    def clean(self):
        data = super().clean()
        if data.get("actie") == TriageActie.MEER_INFORMATIE and not (data.get("vraag") or "").strip():
            self.add_error("vraag", "Schrijf de vraag aan de melder.")
        if data.get("actie") == TriageActie.AFSLUITEN and not data.get("afsluitreden"):
            self.add_error("afsluitreden", "Kies een reden om af te sluiten.")
        # Without JavaScript the prefilled text does not follow the chosen action: an untouched
        # template is swapped for the one that belongs to the action.
        tekst = (data.get("terugkoppeling") or "").strip()
        if data.get("actie") and tekst in {t.strip() for t in TERUGKOPPELING_SJABLONEN.values()}:
            passend = services.sjabloon(data["actie"], data.get("afsluitreden") or "")
            if passend:
                data["terugkoppeling"] = passend
        return data


class InboxFilterForm(forms.Form):
    fenomeen = forms.ChoiceField(label="Fenomeen", required=False)
    afdeling = forms.TypedChoiceField(label="Afdeling", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="Status", required=False)
    vanaf = DatumField(label="Ontvangen vanaf", required=False, widget=DateInput)
    tot = DatumField(label="Ontvangen tot en met", required=False, widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fenomeen"].choices = [("", "Alle fenomenen"), *Fenomeen.objects.values_list("code", "naam")]
        self.fields["afdeling"].choices = [("", "Alle afdelingen"), *Afdeling.objects.values_list("pk", "naam")]
        self.fields["status"].choices = [("open", "Nog niet afgehandeld"), *Status.choices, ("alle", "Alle")]
