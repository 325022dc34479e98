"""Forms of the subjecten screens: every decision about persons is taken with a written rationale."""

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone

from schakelpunt.subjecten.models import RelatieSoort
from schakelpunt.subjecten.soorten import SubjectSoort


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


class RelatieForm(forms.Form):
    """A relation of the person on the page with one other subject, stated by a colleague or a document."""

    # Checked on the server, with messages in Dutch; no browser bubbles or red fields before a submit.
    use_required_attribute = False

    soort = forms.ChoiceField(
        label="Soort relatie",
        choices=[("", "Kies een soort relatie"), *RelatieSoort.choices],
        error_messages={"required": "Kies een soort relatie.", "invalid_choice": "Kies een soort relatie."},
    )
    richting = forms.ChoiceField(
        label="Richting",
        choices=[("van", "van"), ("naar", "naar")],
        initial="van",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de richting van de relatie."},
    )
    # Any "soort:pk" is accepted here (the selector checks that it exists); the list only helps to pick one.
    subject = forms.CharField(
        label="Ander subject",
        required=False,
        help_text="Uit het netwerk en de signalen van deze persoon.",
        widget=forms.Select,
        validators=[
            RegexValidator(r"^(persoon|adres|organisatie|voertuig|telefoon):\d+$", "Kies een subject uit de lijst.")
        ],
    )
    persoonsnummer = forms.IntegerField(
        label="Of: persoonsnummer",
        required=False,
        min_value=1,
        help_text="Staat bovenaan de pagina van die persoon.",
        error_messages={
            "invalid": "Vul een persoonsnummer in (alleen cijfers).",
            "min_value": "Vul een persoonsnummer in.",
        },
    )
    kenteken = forms.CharField(label="Of: kenteken van een bekend voertuig", required=False, max_length=12)
    geldig_van = forms.DateField(
        label="Vanaf",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in."},
    )
    geldig_tot = forms.DateField(
        label="Tot en met",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in."},
    )
    toelichting = forms.CharField(
        label="Bron of toelichting",
        required=False,
        max_length=500,
        help_text="Bijvoorbeeld: volgens de leerplichtambtenaar, gesprek van 3 maart.",
    )

    def __init__(self, *args, persoon=None, **kwargs):
        super().__init__(*args, **kwargs)
        naam = (persoon.naam if persoon else "") or "deze persoon"
        self.fields["richting"].choices = [
            ("van", f"{naam} is … het andere subject (bijvoorbeeld: {naam} woont op het adres)"),
            ("naar", f"Het andere subject is … {naam} (bijvoorbeeld: de moeder is ouder van {naam})"),
        ]
        self.kandidaten_zetten(())

    def kandidaten_zetten(self, kandidaten) -> None:
        """The subjects to pick from (Knoop objects), grouped by kind."""
        groepen: dict[str, list] = {}
        for k in kandidaten:
            groepen.setdefault(SubjectSoort(k.soort).label, []).append((k.id, k.label))
        self.fields["subject"].widget.choices = [("", "Kies een subject"), *groepen.items()]

    def clean(self):
        data = super().clean()
        gekozen = [v for v in (data.get("subject"), data.get("persoonsnummer"), data.get("kenteken")) if v]
        if not gekozen and not self.has_error("persoonsnummer"):
            self.add_error("subject", "Kies het andere subject, of vul een persoonsnummer of kenteken in.")
        elif len(gekozen) > 1:
            self.add_error("subject", "Kies één ander subject: uit de lijst, een persoonsnummer óf een kenteken.")
        van, tot = data.get("geldig_van"), data.get("geldig_tot")
        if van and tot and tot < van:
            self.add_error("geldig_tot", "De einddatum ligt voor de begindatum.")
        return data


class InzageForm(forms.Form):
    """Let one colleague (casusregisseur, deelnemer) see this person: the data and the hit, not the signals."""

    use_required_attribute = False

    collega = forms.ModelChoiceField(
        label="Collega",
        queryset=None,
        to_field_name="username",
        empty_label="Kies een collega",
        error_messages={"required": "Kies een collega.", "invalid_choice": "Kies een collega uit de lijst."},
    )
    reden = forms.CharField(
        label="Reden",
        help_text="Waarom mag deze collega de persoon zien? Bijvoorbeeld: deelnemer casusoverleg van 12 mei.",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": "Schrijf op waarom deze collega de persoon mag zien."},
    )
    geldig_tot = forms.DateField(
        label="Geldig tot en met",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in."},
    )

    def __init__(self, *args, collegas=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collega"].queryset = collegas
        self.fields["collega"].label_from_instance = lambda u: (
            f"{u.display_name()}{' (' + u.afdeling.naam + ')' if u.afdeling_id else ''}"
        )

    def clean_geldig_tot(self):
        value = self.cleaned_data.get("geldig_tot")
        if value and value < timezone.localdate():
            raise forms.ValidationError("Deze datum ligt in het verleden.")
        return value
