"""Background tasks: mail a notice. Runs in the worker (`manage.py db_worker`), or at once in demo and tests."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from schakelpunt.notificaties.models import Notificatie


@task()
def mail_notificatie(notificatie_id: int) -> bool:
    notice = Notificatie.objects.select_related("ontvanger").filter(pk=notificatie_id).first()
    if notice is None or notice.gemaild_op or not notice.ontvanger.email:
        return False
    link = f"{settings.SITE_URL.rstrip('/')}{notice.url}" if notice.url else settings.SITE_URL
    send_mail(
        subject=f"[Schakelpunt] {notice.onderwerp}",
        message=f"{notice.tekst}\n\nBekijk het in Schakelpunt: {link}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[notice.ontvanger.email],
    )
    Notificatie.objects.filter(pk=notice.pk).update(gemaild_op=timezone.now())
    return True


@task()
def mail_extern_task(to: str, onderwerp: str, tekst: str) -> bool:
    """A notice to someone outside Schakelpunt (a ketenpartner's contact): never personal data in it."""
    send_mail(subject=onderwerp, message=tekst, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[to])
    return True


@task()
def mail_agenda_task(user_id: int, onderwerp: str, tekst: str, ics: str, method: str) -> bool:
    """An invitation or cancellation with an iCalendar attachment, to a user of Schakelpunt."""
    from django.contrib.auth import get_user_model
    from django.core.mail import EmailMessage

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    message = EmailMessage(subject=onderwerp, body=tekst, from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email])
    message.attach("uitnodiging.ics", ics.encode(), f"text/calendar; method={method}; charset=utf-8")
    message.send()
    return True
