"""Forms for the wegwijzer filter and for editing fenomenen and indicatoren, with Dutch messages."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from schakelpunt.taxonomie.models import Fenomeen, Indicator, Levensdomein
from schakelpunt.taxonomie.services import item_version
from schakelpunt.ui.forms import BegrensdeMeerkeuze

CODE_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# "nieuw" would collide with the URL of the "new item" page.
RESERVED_CODES = {"nieuw"}
MAX_VRAGEN = 30
MAX_VRAAG_LENGTE = 300

TEXTAREA = forms.Textarea(attrs={"rows": 5})


def _label(fenomeen: Fenomeen) -> str:
    return fenomeen.naam if fenomeen.actief else _("%(naam)s (uitgezet)") % {"naam": fenomeen.naam}


class FenomeenChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _label(obj)


class FenomenenChoiceField(BegrensdeMeerkeuze):
    def label_from_instance(self, obj):
        return _label(obj)


class WegwijzerFilterForm(forms.Form):
    zoek = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=100,
        help_text=_("Bijvoorbeeld: schoolverzuim, paspoort of huur."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    levensdomein = forms.ChoiceField(label=_("Levensdomein"), required=False)

    def __init__(self, *args, levensdomeinen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["levensdomein"].choices = [("", _("Alle levensdomeinen"))] + [
            (d.code, d.naam) for d in levensdomeinen
        ]

    def filters(self) -> dict:
        if not self.is_bound:
            return {"zoek": "", "levensdomein": ""}
        self.is_valid()  # a field that does not validate (an unknown levensdomein) is ignored
        data = self.cleaned_data
        return {"zoek": data.get("zoek", "").strip(), "levensdomein": data.get("levensdomein", "")}


class TaxonomieItemForm(forms.ModelForm):
    """Shared fields. The code is fixed once the item exists; questions are one per line."""

    code = forms.CharField(
        label=_("Code"),
        max_length=60,
        help_text=_(
            "Vaste korte naam in kleine letters, cijfers en streepjes, bijvoorbeeld "
            "‘schoolverzuim’. Na het opslaan kan de code niet meer worden gewijzigd."
        ),
        validators=[
            RegexValidator(
                CODE_PATTERN,
                _(
                    "Een code bestaat alleen uit kleine letters, cijfers en streepjes, zonder spaties, "
                    "bijvoorbeeld ‘schoolverzuim’."
                ),
            )
        ],
        error_messages={
            "required": _("Vul een code in."),
            "max_length": _("De code is te lang: maximaal %(limit_value)d tekens."),
        },
    )
    naam = forms.CharField(
        label=_("Naam"),
        max_length=200,
        error_messages={
            "required": _("Vul een naam in."),
            "max_length": _("De naam is te lang: maximaal %(limit_value)d tekens."),
        },
    )
    toelichting = forms.CharField(
        label=_("Waar let je op?"),
        required=False,
        widget=TEXTAREA,
        help_text=_("Voor de professional, in de je-vorm: wat zie of hoor je?"),
    )
    vragen = forms.CharField(
        label=_("Vragen die je kunt stellen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Eén vraag per regel."),
    )
    volgorde = forms.IntegerField(
        label=_("Volgorde"),
        required=False,
        min_value=0,
        initial=0,
        help_text=_("Lagere nummers staan eerder in de lijst."),
        error_messages={"invalid": _("Vul een heel getal in."), "min_value": _("De volgorde is 0 of hoger.")},
    )
    versie = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        fields = ["code", "naam", "toelichting", "vragen", "volgorde"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _("De code kan niet worden gewijzigd: oude signalen verwijzen ernaar.")
            self.initial["vragen"] = "\n".join(self.instance.vragen or [])
            if not self.is_bound:
                self.initial["versie"] = item_version(self.instance)

    def clean_code(self):
        code = self.cleaned_data["code"]
        if self.instance.pk:
            return self.instance.code  # immutable, whatever was posted
        code = code.strip()
        if code in RESERVED_CODES:
            raise forms.ValidationError(_("Deze code is gereserveerd; kies een andere."))
        if type(self.instance).objects.filter(code=code).exists():
            raise forms.ValidationError(_("Deze code is al in gebruik. Ook uitgezette codes blijven bezet."))
        return code

    def clean_vragen(self):
        vragen = [line.strip() for line in self.cleaned_data["vragen"].splitlines() if line.strip()]
        if len(vragen) > MAX_VRAGEN:
            raise forms.ValidationError(_("Maximaal %(max)d vragen."), params={"max": MAX_VRAGEN})
        for number, vraag in enumerate(vragen, start=1):
            if len(vraag) > MAX_VRAAG_LENGTE:
                raise forms.ValidationError(
                    _("Vraag %(nummer)d is te lang: maximaal %(max)d tekens."),
                    params={"nummer": number, "max": MAX_VRAAG_LENGTE},
                )
        return vragen

    def clean_volgorde(self):
        volgorde = self.cleaned_data["volgorde"]
        return self.instance.volgorde if volgorde is None else volgorde

    def expected_version(self) -> str | None:
        return self.cleaned_data.get("versie") or None if self.instance.pk else None


class FenomeenForm(TaxonomieItemForm):
    meldroute = forms.CharField(
        label=_("Waar meld je?"),
        required=False,
        widget=TEXTAREA,
        help_text=_("De meldroute: wie beoordeelt het signaal en naar welke partners kan het gaan."),
    )
    parent = FenomeenChoiceField(
        label=_("Hoort bij"),
        required=False,
        queryset=Fenomeen.objects.none(),
        empty_label=_("(geen)"),
        help_text=_("Bijvoorbeeld: ‘Arbeidsuitbuiting’ hoort bij ‘Mensenhandel’."),
        error_messages={"invalid_choice": _("Kies een fenomeen uit de lijst.")},
    )

    class Meta(TaxonomieItemForm.Meta):
        model = Fenomeen
        fields = [*TaxonomieItemForm.Meta.fields, "meldroute", "parent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = Fenomeen.objects.filter(actief=True)
        if self.instance.parent_id:
            choices = choices | Fenomeen.objects.filter(pk=self.instance.parent_id)
        if self.instance.pk:
            choices = choices.exclude(pk__in=_self_and_descendants(self.instance))
        self.fields["parent"].queryset = choices.order_by("volgorde", "naam")


def _self_and_descendants(fenomeen: Fenomeen) -> set[int]:
    ids = {fenomeen.pk}
    frontier = {fenomeen.pk}
    while frontier:
        frontier = set(Fenomeen.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= frontier
    return ids


class IndicatorForm(TaxonomieItemForm):
    levensdomein = forms.ModelChoiceField(
        label=_("Levensdomein"),
        queryset=Levensdomein.objects.order_by("volgorde", "naam"),
        empty_label=_("Kies een levensdomein"),
        error_messages={
            "required": _("Kies een levensdomein."),
            "invalid_choice": _("Kies een levensdomein uit de lijst."),
        },
    )
    fenomenen = FenomenenChoiceField(
        label=_("Hangt samen met"),
        required=False,
        queryset=Fenomeen.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
        help_text=_("Bij welke fenomenen kan deze indicator horen? Hun meldroute staat in de wegwijzer."),
        error_messages={
            "invalid_choice": _("Kies fenomenen uit de lijst."),
            "invalid_pk_value": _("Kies fenomenen uit de lijst."),
        },
    )

    class Meta(TaxonomieItemForm.Meta):
        model = Indicator
        fields = [*TaxonomieItemForm.Meta.fields, "levensdomein", "fenomenen"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = Fenomeen.objects.filter(actief=True)
        if self.instance.pk:
            # A retired fenomeen that is still linked stays visible, so saving does not drop it.
            choices = choices | Fenomeen.objects.filter(indicatoren=self.instance)
        self.fields["fenomenen"].queryset = choices.distinct().order_by("volgorde", "naam")


FORMS = {"fenomeen": FenomeenForm, "indicator": IndicatorForm}
