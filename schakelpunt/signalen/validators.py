"""Validation of what a melder types about betrokkenen, and of uploaded files by their content."""

from __future__ import annotations

import datetime
import re
import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

# "Is this the Netherlands?" is decided in one place (matching.keys), beside the address keys.
from schakelpunt.matching.keys import is_nederland
from schakelpunt.matching.normalize import (
    is_valid_bsn,
    normalize_kenteken,
    normalize_kvk,
    normalize_phone,
    normalize_postcode,
)


def clean_bsn(value: str) -> str:
    digits = re.sub(r"[\s.\-]", "", value or "")
    if not digits:
        return ""
    if not is_valid_bsn(digits):
        raise ValidationError("Dit is geen geldig BSN: het voldoet niet aan de elfproef.", code="bsn")
    return digits.zfill(9)


def clean_postcode(value: str, land: str) -> str:
    value = (value or "").strip()
    if not value or not is_nederland(land):
        return value
    normalized = normalize_postcode(value)
    if normalized is None:
        raise ValidationError("Vul een Nederlandse postcode in als 1234 AB.", code="postcode")
    return normalized


def clean_kvk(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    normalized = normalize_kvk(value)
    if normalized is None or len(re.sub(r"\D", "", value)) != 8:
        raise ValidationError("Een KvK-nummer bestaat uit 8 cijfers.", code="kvk")
    return normalized


def clean_kenteken(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    normalized = normalize_kenteken(value)
    if not normalized or not 2 <= len(normalized) <= 10:
        raise ValidationError("Vul een kenteken in, bijvoorbeeld XX-99-XX.", code="kenteken")
    return normalized


def clean_telefoon(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    normalized = normalize_phone(value)
    if normalized is None:
        raise ValidationError("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.", code="telefoon")
    return normalized


def clean_geboortedatum(jaar: int | None, maand: int | None, dag: int | None) -> None:
    """A partial date of birth: only a year, year and month, or a whole date; never in the future."""
    today = timezone.localdate()
    if jaar is None:
        if maand or dag:
            raise ValidationError({"geboortejaar": "Vul ook het jaar in (een schatting mag)."})
        return
    if not 1900 <= jaar <= today.year:
        raise ValidationError({"geboortejaar": f"Vul een jaar in tussen 1900 en {today.year}."})
    if maand is not None and not 1 <= maand <= 12:
        raise ValidationError({"geboortemaand": "Een maand ligt tussen 1 en 12."})
    if dag is not None:
        if maand is None:
            raise ValidationError({"geboortemaand": "Vul ook de maand in als je de dag weet."})
        try:
            datum = datetime.date(jaar, maand, dag)
        except ValueError:
            raise ValidationError({"geboortedag": "Deze datum bestaat niet."}) from None
        if datum > today:
            raise ValidationError({"geboortedag": "Een geboortedatum ligt niet in de toekomst."})


def parse_geboortedatum(value: str) -> tuple[int | None, int | None, int | None]:
    """ "1990", "1990-04" or "1990-04-12" as (jaar, maand, dag)."""
    value = (value or "").strip()
    if not value:
        return None, None, None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if not m:
        raise ValidationError("Gebruik JJJJ, JJJJ-MM of JJJJ-MM-DD.", code="geboortedatum")
    jaar, maand, dag = (int(g) if g else None for g in m.groups())
    try:
        clean_geboortedatum(jaar, maand, dag)
    except ValidationError as exc:
        raise ValidationError(
            " ".join(m for msgs in exc.message_dict.values() for m in msgs), code="geboortedatum"
        ) from None
    return jaar, maand, dag


# --- Attachments: the type is read from the first bytes, never from the name or the browser.

ALLOWED_TYPES = {
    "application/pdf": "PDF",
    "image/png": "PNG-afbeelding",
    "image/jpeg": "JPEG-foto",
    "image/gif": "GIF-afbeelding",
    "image/webp": "WebP-afbeelding",
    "image/heic": "HEIC-foto",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word-document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel-werkblad",
    "application/vnd.oasis.opendocument.text": "OpenDocument-tekst",
    "text/plain": "tekstbestand",
    "message/rfc822": "e-mailbericht",
}


def detect_content_type(uploaded) -> str | None:
    """The type of an uploaded file by its magic bytes, or None when it is not one we accept."""
    uploaded.seek(0)
    head = uploaded.read(4096)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1"):
        return "image/heic"
    if head.startswith(b"PK\x03\x04"):
        return _office_type(uploaded)
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character cut at the 4096th byte is still text.
        try:
            text = head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return None
    if re.match(r"(?i)(received|from|return-path|message-id|date|subject|mime-version):", text):
        return "message/rfc822"
    return "text/plain"


# An office document is a zip archive. Only its table of contents and at most a few bytes of
# one entry are ever read, after checking what the archive declares: an 800 KB upload can
# otherwise unpack to gigabytes (a "zip bomb").
ZIP_MAX_ENTRIES = 10_000
ZIP_MAX_TOTAL_BYTES = 200 * 1024 * 1024
ZIP_MAX_RATIO = 100
MIMETYPE_MAX_BYTES = 100


def _is_zip_bomb(entries: list[zipfile.ZipInfo]) -> bool:
    if len(entries) > ZIP_MAX_ENTRIES:
        return True
    if sum(e.file_size for e in entries) > ZIP_MAX_TOTAL_BYTES:
        return True
    return any(e.file_size > 1024 * 1024 and e.file_size > ZIP_MAX_RATIO * max(e.compress_size, 1) for e in entries)


def _office_type(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            entries = archive.infolist()
            if _is_zip_bomb(entries):
                return None
            names = {e.filename for e in entries}
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size > MIMETYPE_MAX_BYTES:
                    return None
                with archive.open(info) as entry:
                    mimetype = entry.read(MIMETYPE_MAX_BYTES).decode("ascii", "replace").strip()
                return mimetype if mimetype == "application/vnd.oasis.opendocument.text" else None
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                if any(n.startswith("xl/") for n in names):
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        KeyError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ):
        # RuntimeError: an encrypted entry; NotImplementedError: an unknown compression method.
        return None
    finally:
        uploaded.seek(0)
    return None


def clean_bijlage(uploaded) -> str:
    """Check size and content of one upload; returns the detected content type."""
    if uploaded.size > settings.SIGNAAL_BIJLAGE_MAX_BYTES:
        limit = settings.SIGNAAL_BIJLAGE_MAX_BYTES // (1024 * 1024)
        raise ValidationError(f"'{uploaded.name}' is groter dan {limit} MB.", code="te_groot")
    if uploaded.size == 0:
        raise ValidationError(f"'{uploaded.name}' is leeg.", code="leeg")
    content_type = detect_content_type(uploaded)
    if content_type is None:
        allowed = ", ".join(sorted(set(ALLOWED_TYPES.values())))
        raise ValidationError(f"'{uploaded.name}' is geen toegestaan bestandstype. Toegestaan: {allowed}.", code="type")
    return content_type
