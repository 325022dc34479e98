"""The demo data command: only in demo mode, idempotent, prints the accounts and TOTP secrets."""

import base64

import pytest
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakelpunt.accounts.demo import DEMO_PASSWORD
from schakelpunt.accounts.models import User


def test_seed_demo_refuses_outside_demo_mode(db):
    with pytest.raises(CommandError, match="alleen met SCHAKELPUNT_MODE=demo"):
        call_command("seed_demo")


def test_seed_demo_creates_usable_accounts_and_prints_them(db, settings, capsys):
    settings.DEMO = True
    call_command("seed_demo")
    call_command("seed_demo")  # a second run changes nothing
    out = capsys.readouterr().out
    assert User.objects.filter(username="aandachtsfunctionaris").count() == 1
    assert DEMO_PASSWORD in out
    user = User.objects.get(username="aandachtsfunctionaris")
    assert user.check_password(DEMO_PASSWORD)
    secret = next(line.split()[-1] for line in out.splitlines() if line.startswith("aandachtsfunctionaris"))
    device = TOTPDevice.objects.get(user=user)
    assert device.verify_token(f"{totp(base64.b32decode(secret)):06d}")
    # The accounts are the last thing printed, after whatever the apps print while seeding.
    assert out.rstrip().splitlines()[-1].startswith("Open http://127.0.0.1:8000")
