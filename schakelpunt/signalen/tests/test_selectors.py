"""Selectors: need to know through access.policy.scope, read logging, inbox order and a constant query count."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from schakelpunt.audit.models import AuditRecord
from schakelpunt.pagination import page_number
from schakelpunt.signalen import selectors
from schakelpunt.signalen.models import Bijlage, Signaal
from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory


def test_melder_sees_own_signals_only(melder, andere_melder, af):
    eigen = SignaalFactory(melder=melder)
    SignaalFactory(melder=andere_melder)
    assert [s.pk for s in selectors.signaal_list(user=melder).items] == [eigen.pk]
    assert len(selectors.signaal_list(user=af).items) == 2


def test_list_read_is_logged_per_betrokkene(melder):
    signaal = SignaalFactory(melder=melder)
    b1, b2 = BetrokkeneFactory(signaal=signaal), BetrokkeneFactory(signaal=signaal)
    selectors.signaal_list(user=melder)
    logged = AuditRecord.objects.filter(actie="lezen", object_id=str(signaal.pk))
    assert set(logged.values_list("betrokkene", flat=True)) == {b1.log_key, b2.log_key}


def test_get_other_melders_signal_is_404_and_logged_as_refused(melder, andere_melder):
    signaal = SignaalFactory(melder=melder)
    with pytest.raises(Http404):
        selectors.signaal_get(user=andere_melder, pk=signaal.pk)
    assert AuditRecord.objects.filter(object_id=str(signaal.pk), uitkomst="geweigerd").exists()


def test_melder_identity_only_for_the_meldpunt(melder, af):
    signaal = SignaalFactory(melder=melder)
    assert selectors.signaal_get(user=af, pk=signaal.pk).melder_zichtbaar
    assert not selectors.signaal_get(user=melder, pk=signaal.pk).melder_zichtbaar


def test_inbox_order_acute_then_minors_then_age(af):
    now = timezone.now()
    oud = SignaalFactory()
    minderjarig = SignaalFactory(minderjarigen_betrokken=True)
    acuut = SignaalFactory(acuut_gevaar=True)
    jong = SignaalFactory()
    Signaal.objects.filter(pk=oud.pk).update(ontvangen_op=now - datetime.timedelta(days=3))
    Signaal.objects.filter(pk=jong.pk).update(ontvangen_op=now)
    assert [s.pk for s in selectors.inbox_list(user=af).items] == [acuut.pk, minderjarig.pk, oud.pk, jong.pk]


def test_inbox_filters(af, fenomeen, make_user):
    a = SignaalFactory()
    a.fenomenen.add(fenomeen)
    SignaalFactory()
    gesloten = SignaalFactory(status="afgesloten", is_open=False)
    assert [
        s.pk for s in selectors.inbox_list(user=af, filters=selectors.InboxFilter(fenomeen=fenomeen.code)).items
    ] == [a.pk]
    assert [s.pk for s in selectors.inbox_list(user=af, filters=selectors.InboxFilter(status="afgesloten")).items] == [
        gesloten.pk
    ]
    assert len(selectors.inbox_list(user=af, filters=selectors.InboxFilter(afdeling=a.afdeling_id)).items) == 1
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    assert selectors.inbox_list(user=af, filters=selectors.InboxFilter(vanaf=morgen)).items == []


def test_waiting_too_long_is_marked(af, settings):
    settings.SIGNAAL_TERMIJN_WERKDAGEN = 2
    oud = SignaalFactory()
    Signaal.objects.filter(pk=oud.pk).update(ontvangen_op=timezone.now() - datetime.timedelta(days=7))
    SignaalFactory()
    marks = {s.pk: s.te_lang_wachtend for s in selectors.inbox_list(user=af).items}
    assert marks[oud.pk] is True and list(marks.values()).count(True) == 1


def test_inbox_refuses_the_melder(melder):
    SignaalFactory()
    assert selectors.inbox_list(user=melder).items == []


def _queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_inbox_query_count_does_not_grow_with_data(af, fenomeen):
    def make(n):
        for _ in range(n):
            s = SignaalFactory()
            s.fenomenen.add(fenomeen)
            BetrokkeneFactory(signaal=s)

    make(3)
    af.__dict__.pop("_role_codes", None)
    few = _queries(lambda: selectors.inbox_list(user=af))
    make(30)
    af.__dict__.pop("_role_codes", None)
    many = _queries(lambda: selectors.inbox_list(user=af))
    assert few == many


def test_attachment_download_is_logged_per_betrokkene(melder):
    signaal = SignaalFactory(melder=melder)
    b1, b2 = BetrokkeneFactory(signaal=signaal), BetrokkeneFactory(signaal=signaal)
    bijlage = Bijlage(
        signaal=signaal, oorspronkelijke_naam="n.txt", content_type="text/plain", grootte=3, toegevoegd_door=melder
    )
    bijlage.bestand.save("n.txt", ContentFile(b"abc"), save=True)
    assert selectors.bijlage_get(user=melder, pk=bijlage.pk) == bijlage
    logged = AuditRecord.objects.filter(object_type="bijlage", object_id=str(bijlage.pk))
    assert set(logged.values_list("betrokkene", flat=True)) == {b1.log_key, b2.log_key}


@pytest.mark.parametrize(("raw", "number"), [(None, 1), ("", 1), ("abc", 1), ("0", 1), ("-3", 1), ("3", 3)])
def test_page_number_falls_back_to_the_first_page(raw, number):
    assert page_number(raw) == number


def test_mijn_with_a_bad_page_number_shows_the_first_page(client_as):
    assert client_as("melder").get(reverse("signalen:mijn"), {"pagina": "x"}).status_code == 200
