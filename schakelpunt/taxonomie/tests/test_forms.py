"""Forms: Dutch messages, one question per line, and a code that is fixed once created."""

import pytest

from schakelpunt.taxonomie.forms import FenomeenForm, IndicatorForm
from schakelpunt.taxonomie.tests.factories import FenomeenFactory, IndicatorFactory, LevensdomeinFactory

pytestmark = pytest.mark.django_db


def indicator_data(**overrides):
    data = {
        "code": "nieuwe-indicator",
        "naam": "Nieuwe indicator",
        "toelichting": "",
        "vragen": "",
        "volgorde": "0",
        "levensdomein": str(LevensdomeinFactory().pk),
    }
    data.update(overrides)
    return data


def test_questions_one_per_line():
    form = IndicatorForm(indicator_data(vragen="Hoe gaat het?\r\n\r\n  Wie woont er bij u?  \n"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["vragen"] == ["Hoe gaat het?", "Wie woont er bij u?"]


def test_existing_questions_are_shown_one_per_line():
    indicator = IndicatorFactory(vragen=["Eén?", "Twee?"])
    assert IndicatorForm(instance=indicator)["vragen"].value() == "Eén?\nTwee?"


@pytest.mark.parametrize("code", ["Hoofdletters", "met spatie", "under_score", "-begin", "ëigen"])
def test_bad_code_gets_a_dutch_message(code):
    form = IndicatorForm(indicator_data(code=code))
    assert not form.is_valid()
    assert "kleine letters, cijfers en streepjes" in form.errors["code"][0]


def test_required_fields_have_dutch_messages():
    form = IndicatorForm(indicator_data(code="", naam="", levensdomein=""))
    assert not form.is_valid()
    assert form.errors["code"] == ["Vul een code in."]
    assert form.errors["naam"] == ["Vul een naam in."]
    assert form.errors["levensdomein"] == ["Kies een levensdomein."]


def test_code_in_use_also_when_retired():
    IndicatorFactory(code="bezet", actief=False)
    form = IndicatorForm(indicator_data(code="bezet"))
    assert not form.is_valid()
    assert "al in gebruik" in form.errors["code"][0]


def test_reserved_code():
    form = FenomeenForm({"code": "nieuw", "naam": "X", "volgorde": "0"})
    assert not form.is_valid()
    assert "gereserveerd" in form.errors["code"][0]


def test_code_cannot_be_changed_on_edit():
    indicator = IndicatorFactory(code="blijft-zo")
    data = indicator_data(code="iets-anders", levensdomein=str(indicator.levensdomein_id))
    form = IndicatorForm(data, instance=indicator)
    assert form.is_valid(), form.errors
    assert form.save(commit=False).code == "blijft-zo"


def test_too_long_question():
    form = IndicatorForm(indicator_data(vragen="Korte vraag?\n" + "x" * 301))
    assert not form.is_valid()
    assert form.errors["vragen"] == ["Vraag 2 is te lang: maximaal 300 tekens."]


def test_parent_choices_exclude_itself_and_its_descendants():
    ouder = FenomeenFactory()
    kind = FenomeenFactory(parent=ouder)
    kleinkind = FenomeenFactory(parent=kind)
    anders = FenomeenFactory()
    choices = set(FenomeenForm(instance=ouder).fields["parent"].queryset)
    assert anders in choices
    assert not choices & {ouder, kind, kleinkind}


def test_retired_linked_fenomeen_stays_a_choice_and_is_marked():
    actief, uitgezet, ongebruikt = FenomeenFactory(), FenomeenFactory(actief=False), FenomeenFactory(actief=False)
    indicator = IndicatorFactory(fenomenen=[uitgezet])
    field = IndicatorForm(instance=indicator).fields["fenomenen"]
    assert {actief, uitgezet} <= set(field.queryset)
    assert ongebruikt not in set(field.queryset)
    assert field.label_from_instance(uitgezet).endswith("(uitgezet)")
