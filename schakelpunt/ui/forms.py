"""Form helpers shared by the apps' views."""

from django.core.exceptions import ValidationError


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
