"""iCalendar files for casusoverleg invitations (RFC 5545 with the `icalendar` library).

A calendar entry carries a neutral title and a link, never a casus title, a name or an address:
calendars are synced to phones and shared with assistants. The UID is stable per meeting,
SEQUENCE rises when time or place change, and METHOD:CANCEL withdraws the entry.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event

NEUTRALE_TITEL = "Casusoverleg (Schakelpunt)"


def ics(overleg, *, method: str = "REQUEST") -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Gemeente//Schakelpunt//NL")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", f"{overleg.uid}@schakelpunt")
    event.add("sequence", overleg.sequence)
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", overleg.begin.astimezone(datetime.UTC))
    event.add("dtend", overleg.einde.astimezone(datetime.UTC))
    event.add("summary", NEUTRALE_TITEL)
    link = settings.SITE_URL.rstrip("/") + reverse("overleggen:detail", args=[overleg.pk])
    event.add("url", link)
    event.add("description", f"Agenda en stukken in Schakelpunt: {link}")
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("class", "CONFIDENTIAL")
    cal.add_component(event)
    return cal.to_ical()
