"""From a "melden: ja" decision (and from a signal) the meldpunt is offered to compose the doormelding."""

import pytest
from django.urls import reverse

from schakelpunt.casussen import services
from schakelpunt.casussen.constants import BesluitSoort, Partner
from schakelpunt.testing.auth import login

pytestmark = pytest.mark.django_db


def _melden(casus, actor, melden):
    services.besluit_vastleggen(
        actor=actor,
        casus=casus,
        soort=BesluitSoort.MELDEN,
        besluit="",
        overwegingen="Signalen van uitbuiting",
        melden=melden,
        melden_partner=Partner.POLITIE if melden == "ja" else "",
    )


def test_casus_page_offers_the_doormelding_after_melden_ja(client, casus, af, regisseur):
    link = f'href="{reverse("doormeldingen:nieuw")}?casus={casus.pk}"'
    page = reverse("casussen:detail", args=[casus.pk])
    assert link not in login(client, af).get(page).content.decode()
    _melden(casus, regisseur, "ja")
    assert link in login(client, af).get(page).content.decode()
    # The regievoerder may not compose referrals (only the meldpunt): no link that ends in a 403.
    assert link not in login(client, regisseur).get(page).content.decode()
    assert login(client, af).get(f"{reverse('doormeldingen:nieuw')}?casus={casus.pk}").status_code == 200


def test_no_doormelding_offered_after_melden_nee(client, casus, af, regisseur):
    _melden(casus, regisseur, "nee")
    body = login(client, af).get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    assert "Doormelding opstellen" not in body


def test_signal_page_offers_the_doormelding_to_the_meldpunt_only(client, af, melder, meld):
    signaal = meld()
    link = f'href="{reverse("doormeldingen:nieuw")}?signaal={signaal.pk}"'
    page = reverse("signalen:detail", args=[signaal.pk])
    assert link in login(client, af).get(page).content.decode()
    assert link not in login(client, melder).get(page).content.decode()
