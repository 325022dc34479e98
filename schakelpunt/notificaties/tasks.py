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
