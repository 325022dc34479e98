"""Sending notices: an in-app notice per recipient now, the e-mail after the transaction commits."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from schakelpunt.notificaties.models import Notificatie
from schakelpunt.notificaties.tasks import mail_notificatie


def notificatie_send(
    *, ontvangers: Iterable, onderwerp: str, tekst: str = "", url: str = "", mail: bool = True
) -> list[Notificatie]:
    """Create one notice per recipient and queue its e-mail; the mail leaves only after commit."""
    recipients = {u.pk: u for u in ontvangers if u is not None and u.is_active}
    notices = Notificatie.objects.bulk_create(
        [Notificatie(ontvanger_id=pk, onderwerp=onderwerp[:200], tekst=tekst, url=url) for pk in recipients]
    )
    if mail:
        ids = [n.pk for n in notices]
        # robust: a queue that fails after the commit is logged, and never turns a stored
        # signal into an error answer.
        transaction.on_commit(lambda: [mail_notificatie.enqueue(pk) for pk in ids], robust=True)
    return notices


def notificatie_list(*, user, limit: int = 100) -> list[Notificatie]:
    """The user's own notices, newest first: nobody sees another user's notices."""
    return list(Notificatie.objects.filter(ontvanger=user)[:limit])


def notificatie_mark_read(*, user, pk: int) -> int:
    return Notificatie.objects.filter(ontvanger=user, pk=pk, gelezen_op__isnull=True).update(gelezen_op=timezone.now())


def notificaties_ongelezen(*, user) -> int:
    return Notificatie.objects.filter(ontvanger=user, gelezen_op__isnull=True).count()


def mail_extern(*, to: str, onderwerp: str, tekst: str) -> None:
    """Queue an e-mail to an address outside the application, through the same task path as every notice."""
    from schakelpunt.notificaties.tasks import mail_extern_task

    mail_extern_task.enqueue(to, onderwerp[:200], tekst)


def mail_agenda(*, user, onderwerp: str, tekst: str, ics: bytes, method: str) -> None:
    """Queue a calendar invitation (REQUEST) or cancellation (CANCEL) after commit; neutral text only."""
    from schakelpunt.notificaties.tasks import mail_agenda_task

    transaction.on_commit(lambda: mail_agenda_task.enqueue(user.pk, onderwerp[:200], tekst, ics.decode(), method))
