"""Fixtures for the signalen tests: attachments in a temporary directory, handy personas."""

import pytest

from schakelpunt.taxonomie.models import Fenomeen, Indicator

GELDIG_BSN = "111222333"  # passes the elfproef; synthetic
ONGELDIG_BSN = "123456789"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "bijlagen"


@pytest.fixture
def melder(persona):
    return persona("melder")


@pytest.fixture
def af(persona):
    return persona("aandachtsfunctionaris")


@pytest.fixture
def andere_melder(make_user):
    return make_user("melder", username="melder2")


@pytest.fixture
def fenomeen(db):
    return Fenomeen.objects.filter(actief=True).first()


@pytest.fixture
def indicator(db):
    return Indicator.objects.filter(actief=True).first()
