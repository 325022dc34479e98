"""BSN elfproef, postcode, KvK, kenteken, partial dates of birth and file types by content."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from schakelpunt.signalen import validators
from schakelpunt.signalen.tests.conftest import GELDIG_BSN, ONGELDIG_BSN


def test_bsn_elfproef():
    assert validators.clean_bsn(GELDIG_BSN) == GELDIG_BSN
    assert validators.clean_bsn("") == ""
    with pytest.raises(ValidationError, match="elfproef"):
        validators.clean_bsn(ONGELDIG_BSN)


def test_postcode_dutch_and_foreign():
    assert validators.clean_postcode("1234 ab", "Nederland") == "1234AB"
    with pytest.raises(ValidationError):
        validators.clean_postcode("12345", "Nederland")
    assert validators.clean_postcode("B-1000", "België") == "B-1000"


def test_kvk_and_kenteken():
    assert validators.clean_kvk("12345678") == "12345678"
    with pytest.raises(ValidationError):
        validators.clean_kvk("1234")
    assert validators.clean_kenteken("xx-99-xx") == "XX99XX"


@pytest.mark.parametrize(
    "value, expected", [("1990", (1990, None, None)), ("1990-04", (1990, 4, None)), ("1990-04-12", (1990, 4, 12))]
)
def test_partial_date_of_birth(value, expected):
    assert validators.parse_geboortedatum(value) == expected


@pytest.mark.parametrize("value", ["1990-02-30", "3000", "12-04-1990", "1990-13"])
def test_bad_date_of_birth(value):
    with pytest.raises(ValidationError):
        validators.parse_geboortedatum(value)


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"%PDF-1.7\n...", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 10, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 10, "image/jpeg"),
        ("Gewoon een notitie met één trema.".encode(), "text/plain"),
    ],
)
def test_type_by_content(content, expected):
    assert validators.detect_content_type(io.BytesIO(content)) == expected


def test_a_renamed_executable_is_refused():
    fake = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100)
    with pytest.raises(ValidationError, match="geen toegestaan bestandstype"):
        validators.clean_bijlage(fake)


def test_too_large_is_refused(settings):
    settings.SIGNAAL_BIJLAGE_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="groter dan"):
        validators.clean_bijlage(SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 20))


ODT = "application/vnd.oasis.opendocument.text"


def _odt(mimetype: bytes, *, extra: dict[str, bytes] | None = None) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", b"<office:document-content/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_a_real_odt_is_recognised():
    assert validators.detect_content_type(_odt(ODT.encode())) == ODT


def test_zip_bomb_mimetype_entry_is_not_unpacked(monkeypatch):
    """An ODT whose `mimetype` entry unpacks to 20 MB of spaces (a few KB compressed) is refused
    on its declared size, and never more than a few bytes of it are read."""
    bomb = _odt(ODT.encode() + b" " * (20 * 1024 * 1024))
    assert len(bomb.getvalue()) < 100_000
    read_sizes = []
    original = zipfile.ZipExtFile.read

    def spy(self, n=-1):
        read_sizes.append(n)
        return original(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", spy)
    assert validators.detect_content_type(bomb) is None
    assert all(0 <= n <= 1024 for n in read_sizes)


def test_zip_bomb_is_refused_as_an_attachment():
    bomb = SimpleUploadedFile("rapport.odt", _odt(ODT.encode() + b" " * (20 * 1024 * 1024)).getvalue())
    with pytest.raises(ValidationError, match="geen toegestaan bestandstype"):
        validators.clean_bijlage(bomb)


def test_archive_with_absurd_compression_ratio_is_refused():
    """A Word document with one entry that claims to unpack 1000x is a bomb, not a document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (50 * 1024 * 1024))
    buffer.seek(0)
    assert validators.detect_content_type(buffer) is None


def test_a_birth_year_is_checked_against_the_local_year():
    """At 00:30 on New Year's Day in Amsterdam (23:30 UTC on 31 December) this year is the new one."""
    import datetime
    from unittest import mock

    nu = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=nu):
        validators.clean_geboortedatum(2027, None, None)
        with pytest.raises(ValidationError):
            validators.clean_geboortedatum(2028, None, None)
