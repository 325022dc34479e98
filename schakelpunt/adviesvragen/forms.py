"""Forms of the adviesvragen pages; the rules (no identifying data) live in services and validators."""

from django import forms

from schakelpunt.taxonomie.models import Fenomeen


def _fenomenen():
    return Fenomeen.objects.filter(actief=True).order_by("naam")


class AdviesvraagForm(forms.Form):
    situatie = forms.CharField(
        label="Wat zie je?",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Beschrijf de situatie zonder namen, adressen of andere gegevens waarmee iemand herkenbaar is. "
        "Bijvoorbeeld: 'een leerling van een jaar of tien die steeds vaker wegblijft'.",
        error_messages={"required": "Beschrijf wat je ziet, zonder namen."},
    )
    vraag = forms.CharField(
        label="Wat wil je weten?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: moet ik dit melden, en wat kan ik nog vragen?",
    )
    fenomeen = forms.ModelChoiceField(
        label="Waar denk je aan?",
        required=False,
        queryset=Fenomeen.objects.none(),
        empty_label="Weet ik niet",
        help_text="Laat dit open als je het niet weet; dat is juist een goede reden om advies te vragen.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fenomeen"].queryset = _fenomenen()


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(
        label="Je antwoord",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Hoe lees je de situatie, wat kan de collega nog vragen of doen, en moet er een signaal komen?",
        error_messages={"required": "Schrijf je antwoord aan de collega."},
    )
    wegwijzer = forms.ModelChoiceField(
        label="Verwijs naar de wegwijzer",
        required=False,
        queryset=Fenomeen.objects.none(),
        empty_label="Geen verwijzing",
        help_text="De collega krijgt een link naar wat de wegwijzer over dit fenomeen zegt.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wegwijzer"].queryset = _fenomenen()
