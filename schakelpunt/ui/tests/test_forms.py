"""add_service_errors: a service's ValidationError lands on the form where it belongs."""

from django import forms
from django.core.exceptions import ValidationError


class NaamForm(forms.Form):
    naam = forms.CharField()


def test_field_errors_go_to_their_field_and_unknown_fields_above_the_form():
    from schakelpunt.ui.forms import add_service_errors

    form = NaamForm({"naam": "x"})
    form.is_valid()
    add_service_errors(form, ValidationError({"naam": "Bestaat al.", "iets": "Anders mis."}))
    assert form.errors["naam"] == ["Bestaat al."]
    assert form.non_field_errors() == ["Anders mis."]


def test_a_plain_message_goes_above_the_form():
    from schakelpunt.ui.forms import add_service_errors

    form = NaamForm({"naam": "x"})
    form.is_valid()
    add_service_errors(form, ValidationError("Iemand anders heeft dit intussen gewijzigd."))
    assert form.non_field_errors() == ["Iemand anders heeft dit intussen gewijzigd."]


def test_renamed_fields():
    from schakelpunt.ui.forms import add_service_errors

    form = NaamForm({"naam": "x"})
    form.is_valid()
    add_service_errors(form, ValidationError({"name": "Te lang."}), rename={"name": "naam"})
    assert form.errors["naam"] == ["Te lang."]
