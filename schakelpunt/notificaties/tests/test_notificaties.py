"""Notices: one per recipient, mail after commit through the task, and each user sees only their own."""

from django.core import mail
from django.urls import reverse

from schakelpunt.notificaties.models import Notificatie
from schakelpunt.notificaties.services import notificatie_mark_read, notificatie_send, notificaties_ongelezen


def test_send_creates_notice_and_mails_after_commit(persona, django_capture_on_commit_callbacks):
    user = persona("melder")
    with django_capture_on_commit_callbacks(execute=True):
        notificatie_send(ontvangers=[user], onderwerp="Nieuws", tekst="Er is nieuws.", url="/signalen/1/")
    notice = Notificatie.objects.get()
    assert notice.ontvanger == user and notice.gemaild_op
    assert mail.outbox[0].to == [user.email] and "/signalen/1/" in mail.outbox[0].body


def test_no_mail_before_commit(persona, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        notificatie_send(ontvangers=[persona("melder")], onderwerp="Nieuws")
    assert not mail.outbox


def test_list_shows_only_own_and_mark_read(client_as, persona):
    notificatie_send(ontvangers=[persona("deelnemer")], onderwerp="Voor een ander", mail=False)
    (eigen,) = notificatie_send(ontvangers=[persona("melder")], onderwerp="Voor mij", mail=False)
    client = client_as("melder")
    html = client.get(reverse("notificaties:lijst")).content.decode()
    assert "Voor mij" in html and "Voor een ander" not in html
    response = client.post(reverse("notificaties:gelezen", args=[eigen.pk]), {"volgende": "https://evil.example/"})
    assert response["Location"] == reverse("notificaties:lijst")
    eigen.refresh_from_db()
    assert eigen.gelezen_op


def test_cannot_mark_someone_elses_notice(client_as, persona):
    (ander,) = notificatie_send(ontvangers=[persona("deelnemer")], onderwerp="x", mail=False)
    client_as("melder").post(reverse("notificaties:gelezen", args=[ander.pk]))
    ander.refresh_from_db()
    assert ander.gelezen_op is None


def test_mark_read_follows_a_local_link(client_as, persona):
    (eigen,) = notificatie_send(ontvangers=[persona("melder")], onderwerp="Nieuws", url="/signalen/1/", mail=False)
    response = client_as("melder").post(reverse("notificaties:gelezen", args=[eigen.pk]), {"volgende": eigen.url})
    assert response["Location"] == "/signalen/1/"


def test_inactive_recipients_get_no_notice(persona):
    melder = persona("melder")
    melder.is_active = False
    melder.save(update_fields=["is_active"])
    assert notificatie_send(ontvangers=[melder, None], onderwerp="Nieuws", mail=False) == []


def test_unread_count_counts_only_own_unread(persona):
    melder = persona("melder")
    gelezen, _ongelezen = notificatie_send(ontvangers=[melder], onderwerp="a", mail=False) + notificatie_send(
        ontvangers=[melder], onderwerp="b", mail=False
    )
    notificatie_send(ontvangers=[persona("deelnemer")], onderwerp="c", mail=False)
    notificatie_mark_read(user=melder, pk=gelezen.pk)
    assert notificaties_ongelezen(user=melder) == 1
