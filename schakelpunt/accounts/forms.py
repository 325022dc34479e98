"""Forms for logging in, two-factor and re-authentication, with Dutch messages."""

from axes.utils import reset as axes_reset
from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Gebruikersnaam of wachtwoord klopt niet. Let op hoofdletters."),
        "inactive": _("Dit account is niet actief. Neem contact op met de functioneel beheerder."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        # AuthenticationForm sets max_length after the field is made, so nothing checks it: an
        # overlong name reached authenticate() and django-axes' failure record (varchar 255), a
        # 500 on PostgreSQL. Now it is a message beside the field and nobody is asked.
        self.fields["username"].validators.append(MaxLengthValidator(self.fields["username"].max_length))
        self.fields["password"].label = _("Wachtwoord")
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "class": "utrecht-textbox utrecht-textbox--html-input"}
        )
        self.fields["password"].widget.attrs.update(
            {"autocomplete": "current-password", "class": "utrecht-textbox utrecht-textbox--html-input"}
        )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit je authenticator-app"),
        max_length=6,
        min_length=6,
        error_messages={
            "required": _("Vul de zescijferige code in."),
            "min_length": _("De code bestaat uit 6 cijfers."),
            "max_length": _("De code bestaat uit 6 cijfers."),
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9]*",
                "class": "utrecht-textbox utrecht-textbox--html-input",
            }
        ),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("De code bestaat alleen uit cijfers."))
        return token


class ReauthForm(forms.Form):
    password = forms.CharField(
        label=_("Je wachtwoord"),
        widget=forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": "utrecht-textbox utrecht-textbox--html-input"}
        ),
        error_messages={"required": _("Vul je wachtwoord in.")},
    )

    def __init__(self, user, *args, request=None, **kwargs):
        self.user = user
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not check_password_with_lockout(self.request, self.user, password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password


def check_password_with_lockout(request, user, password: str) -> bool:
    """The user's password, checked through the same door as a login: django-axes counts a wrong one
    and refuses even the right one while the account is locked (``request.axes_locked_out``)."""
    if request is None:
        return user.check_password(password)
    checked = authenticate(request, username=user.get_username(), password=password)
    if checked is None or checked.pk != user.pk:
        return False
    if settings.AXES_RESET_ON_SUCCESS:  # as a successful login does
        axes_reset(username=user.get_username())
    return True


class LockoutPasswordChangeForm(PasswordChangeForm):
    """Django's password change, with the current password checked like a login (lockout)."""

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if not check_password_with_lockout(self.request, self.user, old_password):
            raise forms.ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password
