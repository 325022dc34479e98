"""Demo accounts, one per role, with printed passwords and TOTP secrets (demo mode only)."""

import base64

from django_otp.plugins.otp_totp.models import TOTPDevice

from schakelpunt.accounts import services
from schakelpunt.accounts.models import ApiToken, User

DEMO_PASSWORD = "Schakelpunt-demo-2026"  # noqa: S105 - demo mode only, printed on purpose
# Fixed, obviously public secrets so that a tester can add them to an authenticator app.
DEMO_TOTP_KEYS = {
    "aandachtsfunctionaris": "3132333435363738393031323334353637383930",
    "beheerder": "3132333435363738393031323334353637383931",
    "privacyfunctionaris": "3132333435363738393031323334353637383932",
}

DEMO_USERS = [
    # username, roles, afdeling, first name, last name
    ("melder", ["melder"], "Werk en Inkomen", "Sanne", "de Vries"),
    ("melder2", ["melder"], "Leerplicht", "Youssef", "El Amrani"),
    ("aandachtsfunctionaris", ["aandachtsfunctionaris"], "Meldpunt", "Mirjam", "Bakker"),
    ("casusregisseur", ["casusregisseur"], "Zorg en Veiligheid", "Koen", "Jansen"),
    ("deelnemer", ["deelnemer"], "Jeugdteam", "Fatima", "Haddou"),
    ("bestuur", ["bestuur"], "Bestuursondersteuning", "Pieter", "van Dijk"),
    ("beheerder", ["beheerder"], "Informatievoorziening", "Lotte", "Smit"),
    ("privacyfunctionaris", ["privacyfunctionaris"], "Privacy", "Ahmed", "Bouzid"),
]


def seed(stdout) -> None:
    for username, roles, afdeling, first, last in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = services.user_create(
                username=username,
                roles=roles,
                afdeling=afdeling,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                email=f"{username}@gemeente.example",
            )
        key = DEMO_TOTP_KEYS.get(roles[0])
        if key:
            TOTPDevice.objects.get_or_create(
                user=user, name="Demo-authenticator", defaults={"key": key, "confirmed": True}
            )
    _seed_api_tokens()


def _seed_api_tokens() -> None:
    """A token with a purpose for a melder's system, and a four-eyes request waiting for a second beheerder."""
    if ApiToken.objects.exists():
        return
    beheerder = User.objects.get(username="beheerder")
    services.api_token_issue(
        actor=beheerder, user=User.objects.get(username="melder"), doel="Demo: koppeling klantvolgsysteem", dagen=30
    )
    services.api_token_issue(
        actor=beheerder,
        user=User.objects.get(username="aandachtsfunctionaris"),
        doel="Demo: rapportage samenloop (wacht op tweede beheerder)",
        dagen=14,
    )


def print_accounts(stdout) -> None:
    """Printed last by seed_demo, so the tester sees it above the server's start message."""
    stdout.write(f"\nDemo-accounts (alleen voor de demo; wachtwoord voor allemaal: {DEMO_PASSWORD})")
    stdout.write(f"{'gebruikersnaam':24} {'rol':24} TOTP-geheim (authenticator-app)")
    for username, roles, _afdeling, _first, _last in DEMO_USERS:
        key = DEMO_TOTP_KEYS.get(roles[0])
        secret = base64.b32encode(bytes.fromhex(key)).decode() if key else "–"
        stdout.write(f"{username:24} {', '.join(roles):24} {secret}")
    stdout.write(
        'Code uit een geheim zonder app: .venv/bin/python -c "import base64,sys;from django_otp.oath import totp;'
        "print('%06d' % totp(base64.b32decode(sys.argv[1])))\" <geheim>"
    )
    stdout.write("Open http://127.0.0.1:8000 en log in.\n")
