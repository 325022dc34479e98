"""Form helpers shared by the apps' views."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

# Dates a filter accepts. A date like 0001-01-01 or 9999-12-31 cannot be turned into a time
# zone aware moment (or the day after it) and would otherwise end in an OverflowError.
DATUM_MIN = datetime.date(1900, 1, 1)
DATUM_MAX = datetime.date(2100, 12, 31)


class BegrensdeMeerkeuze(forms.ModelMultipleChoiceField):
    """A multiple choice of objects whose ids are checked to be numbers the database can hold
    before they are looked up (a tampered id beyond int64 is a message, not a 500: Django guards
    the single choice's lookup against an overflow, not the `pk__in` of a multiple choice)."""

    def _check_values(self, value):
        if self.to_field_name is None:
            for pk in value:
                if not (str(pk).isascii() and str(pk).isdigit() and 0 < int(pk) < 2**62):
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)


class DatumField(forms.DateField):
    """A date between DATUM_MIN and DATUM_MAX, with a Dutch message outside that range."""

    def validate(self, value):
        super().validate(value)
        if value is not None and not DATUM_MIN <= value <= DATUM_MAX:
            raise ValidationError(
                f"Vul een datum in tussen {DATUM_MIN.year} en {DATUM_MAX.year}.", code="buiten_bereik"
            )


def add_service_errors(form, exc: ValidationError, rename: dict[str, str] | None = None) -> None:
    """Show a service's ValidationError on the form: at the field it names (after `rename`,
    for services whose argument names differ from the form's), else above the form."""
    if not hasattr(exc, "error_dict"):  # a plain message, not tied to a field
        form.add_error(None, exc)
        return
    for field, errors in exc.message_dict.items():
        field = (rename or {}).get(field, field)
        for error in errors:
            form.add_error(field if field in form.fields else None, error)
