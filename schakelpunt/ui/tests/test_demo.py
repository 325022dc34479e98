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


def test_demo_tells_the_story(db, settings):
    """Several departments over months, every status, samenloop of all three kinds, matches, an acute
    signal waiting, advies vragen, a role waiting for four eyes; the same counts on every run."""
    from schakelpunt.adviesvragen.models import Adviesvraag
    from schakelpunt.beheer.models import RolVoorstel
    from schakelpunt.signalen.constants import Status
    from schakelpunt.signalen.models import Signaal, Terugkoppeling, TriageStap
    from schakelpunt.subjecten.models import MogelijkeMatch, Relatie, SamenloopAlert
    from schakelpunt.ui.demo import verhaal_signaal

    settings.DEMO = True
    call_command("seed_demo")
    signalen = Signaal.objects.all()
    assert signalen.count() >= 30  # the story; other apps (privacy) add their own
    assert signalen.values("afdeling").distinct().count() >= 6
    assert set(signalen.values_list("status", flat=True)) == set(Status.values)
    oudste = signalen.order_by("ontvangen_op").first().ontvangen_op
    assert (signalen.order_by("-ontvangen_op").first().ontvangen_op - oudste).days > 120
    assert TriageStap.objects.count() >= 20
    assert Terugkoppeling.objects.filter(triagestap__isnull=False).count() >= 20
    assert signalen.filter(acuut_gevaar=True, status=Status.NIEUW).exists()
    soorten = set(SamenloopAlert.objects.filter(status="open").values_list("soort", flat=True))
    assert soorten == {"persoon", "adres", "netwerk"}
    netwerk = SamenloopAlert.objects.get(soort="netwerk", status="open")
    assert netwerk.aantal_afdelingen >= 4 and netwerk.persoon.naam == "Milan Lindeboom"
    assert Relatie.objects.filter(soort__in=["ouder", "broer_zus"]).count() >= 3
    assert MogelijkeMatch.objects.filter(status="open").count() >= 2
    assert Adviesvraag.objects.filter(status="signaal", signaal=verhaal_signaal("ccv_school")).exists()
    assert Adviesvraag.objects.filter(status="open").exists()
    assert RolVoorstel.objects.filter(status="open").exists()
