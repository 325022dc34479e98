"""Services: only the beheerder changes the taxonomy; codes are fixed; retiring keeps codes valid."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schakelpunt.audit.models import Action, AuditRecord, Outcome
from schakelpunt.taxonomie import selectors, services
from schakelpunt.taxonomie.models import Fenomeen, Indicator
from schakelpunt.taxonomie.tests.factories import FenomeenFactory, IndicatorFactory, LevensdomeinFactory

pytestmark = pytest.mark.django_db


def last_record(object_type: str, code: str) -> AuditRecord:
    return AuditRecord.objects.filter(object_type=object_type, object_id=code).order_by("-id").first()


def test_beheerder_creates_a_fenomeen_and_it_is_logged(persona):
    beheerder = persona("beheerder")
    fenomeen = Fenomeen(code="nieuw-fenomeen", naam="Nieuw fenomeen", vragen=[" Eerste vraag? ", "", "Tweede?"])
    services.fenomeen_save(actor=beheerder, fenomeen=fenomeen)
    stored = Fenomeen.objects.get(code="nieuw-fenomeen")
    assert stored.vragen == ["Eerste vraag?", "Tweede?"]
    record = last_record("fenomeen", "nieuw-fenomeen")
    assert (record.actie, record.rol, record.uitkomst) == (Action.CREATE, "beheerder", Outcome.SUCCESS)
    assert record.actor_id == beheerder.pk
    assert record.verwerking == "beheer.functioneel"


def test_update_logs_which_fields_changed(persona):
    indicator = IndicatorFactory(code="te-wijzigen")
    indicator.vragen = ["Een nieuwe vraag?"]
    indicator.naam = "Andere naam"
    services.indicator_save(actor=persona("beheerder"), indicator=indicator)
    record = last_record("indicator", "te-wijzigen")
    assert record.actie == Action.UPDATE
    assert record.toelichting == "gewijzigd: naam, vragen"


def test_saving_without_changes_writes_no_log(persona):
    indicator = IndicatorFactory(code="ongewijzigd")
    before = AuditRecord.objects.count()
    services.indicator_save(actor=persona("beheerder"), indicator=Indicator.objects.get(pk=indicator.pk))
    assert AuditRecord.objects.count() == before


def test_indicator_fenomenen_are_replaced_and_logged(persona):
    oud, nieuw = FenomeenFactory(), FenomeenFactory()
    indicator = IndicatorFactory(fenomenen=[oud])
    services.indicator_save(actor=persona("beheerder"), indicator=indicator, fenomenen=[nieuw])
    assert list(indicator.fenomenen.all()) == [nieuw]
    assert last_record("indicator", indicator.code).toelichting == "gewijzigd: fenomenen"


def test_new_indicator_gets_its_fenomenen(persona):
    fenomeen = FenomeenFactory()
    indicator = Indicator(code="nieuwe-indicator", naam="Nieuwe indicator", levensdomein=LevensdomeinFactory())
    services.indicator_save(actor=persona("beheerder"), indicator=indicator, fenomenen=[fenomeen])
    assert list(Indicator.objects.get(code="nieuwe-indicator").fenomenen.all()) == [fenomeen]


def test_code_is_immutable(persona):
    indicator = IndicatorFactory(code="vaste-code")
    indicator.code = "andere-code"
    with pytest.raises(ValidationError) as exc:
        services.indicator_save(actor=persona("beheerder"), indicator=indicator)
    assert "code" in exc.value.message_dict
    assert Indicator.objects.filter(code="vaste-code").exists()
    assert not Indicator.objects.filter(code="andere-code").exists()


def test_retired_code_stays_valid(persona):
    fenomeen = FenomeenFactory(code="oud-fenomeen")
    indicator = IndicatorFactory(code="oude-indicator", fenomenen=[fenomeen])
    services.item_retire(actor=persona("beheerder"), item=indicator)
    services.item_retire(actor=persona("beheerder"), item=fenomeen)

    # Not offered any more ...
    assert "oude-indicator" not in {i.code for i in selectors.indicator_list()}
    assert "oud-fenomeen" not in {f.code for f in selectors.fenomeen_list()}
    # ... but still there, still found by its code, still linked.
    assert selectors.indicator_get("oude-indicator").actief is False
    assert selectors.fenomeen_get("oud-fenomeen").actief is False
    assert "oude-indicator" in {i.code for i in selectors.indicator_list(alle=True)}
    assert list(Indicator.objects.get(code="oude-indicator").fenomenen.all()) == [fenomeen]
    assert last_record("indicator", "oude-indicator").toelichting == "uitgezet"


def test_reactivate(persona):
    indicator = IndicatorFactory(actief=False)
    services.item_reactivate(actor=persona("beheerder"), item=indicator)
    indicator.refresh_from_db()
    assert indicator.actief is True
    assert last_record("indicator", indicator.code).toelichting == "weer actief gemaakt"


@pytest.mark.parametrize("role", ["melder", "aandachtsfunctionaris", "privacyfunctionaris", None])
def test_other_roles_are_refused_by_the_service(persona, role):
    user = persona(role)
    indicator = IndicatorFactory(code="beschermd", naam="Beschermd")
    indicator.naam = "Gekaapt"
    with pytest.raises(PermissionDenied):
        services.indicator_save(actor=user, indicator=indicator)
    with pytest.raises(PermissionDenied):
        services.item_retire(actor=user, item=indicator)
    with pytest.raises(PermissionDenied):
        services.fenomeen_save(actor=user, fenomeen=Fenomeen(code="stiekem", naam="Stiekem"))
    stored = Indicator.objects.get(code="beschermd")
    assert (stored.naam, stored.actief) == ("Beschermd", True)
    assert not Fenomeen.objects.filter(code="stiekem").exists()
    refused = AuditRecord.objects.filter(object_id="beschermd", uitkomst=Outcome.REFUSED)
    assert refused.count() == 2


def test_stale_version_is_refused(persona):
    indicator = IndicatorFactory()
    version = services.item_version(indicator)
    other = Indicator.objects.get(pk=indicator.pk)
    other.naam = "Eerst gewijzigd door een collega"
    services.indicator_save(actor=persona("beheerder"), indicator=other, expected_version=version)
    indicator.toelichting = "Later gewijzigd"
    with pytest.raises(ValidationError, match="intussen gewijzigd"):
        services.indicator_save(actor=persona("beheerder"), indicator=indicator, expected_version=version)
    assert Indicator.objects.get(pk=indicator.pk).naam == "Eerst gewijzigd door een collega"


def test_fenomeen_cannot_hang_under_its_own_child(persona):
    ouder = FenomeenFactory()
    kind = FenomeenFactory(parent=ouder)
    ouder.parent = kind
    with pytest.raises(ValidationError) as exc:
        services.fenomeen_save(actor=persona("beheerder"), fenomeen=ouder)
    assert "parent" in exc.value.message_dict
