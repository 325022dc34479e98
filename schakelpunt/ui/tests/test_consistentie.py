"""One way of saying things: "je" (never "u") to the user, dates in words, the real start address."""

import re
from pathlib import Path

import pytest

from schakelpunt.testing.scripts import load_script
from schakelpunt.ui.datums import datum_tekst

ROOT = Path(__file__).resolve().parents[3]
# Template tags and variables are code, not text: "{% for u in users %}" is no form of address.
TAG = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
U = re.compile(r"\b(u|uw|U|Uw)\b")
# The start page is being rebuilt as a desk (issue 10, another branch); it loses this sentence there.
# The pick-up page of a doormelding speaks to a chain partner outside the municipality, not to a user;
# the inzage report is a letter to the person concerned (a citizen), who is addressed as "u".
NOG_OMGEZET = {
    "schakelpunt/ui/templates/ui/home.html",
    "schakelpunt/doormeldingen/templates/doormeldingen/ophalen.html",
    "schakelpunt/doormeldingen/templates/doormeldingen/ophalen_ongeldig.html",
    "schakelpunt/privacy/templates/privacy/inzage_pdf.html",
}


def _teksten():
    for path in sorted((ROOT / "schakelpunt").rglob("templates/**/*")):
        rel = str(path.relative_to(ROOT))
        if path.suffix in (".html", ".txt") and rel not in NOG_OMGEZET:
            yield rel, TAG.sub(" ", path.read_text())


def test_templates_address_the_user_as_je():
    fouten = [
        f"{rel}: ...{tekst[max(0, m.start() - 30) : m.end() + 30]}..."
        for rel, tekst in _teksten()
        for m in [U.search(tekst)]
        if m
    ]
    assert not fouten, "'u' of 'uw' in plaats van 'je':\n" + "\n".join(fouten)


@pytest.mark.parametrize(
    ("delen", "tekst"),
    [
        ((2014, 3, 12), "12 maart 2014"),
        ((2014, 11, None), "november 2014"),
        ((2014, None, None), "2014"),
        ((None, 3, 12), ""),
        ((2014, 13, 1), "2014"),
    ],
)
def test_dates_in_words(delen, tekst):
    assert datum_tekst(*delen) == tekst


def _dev():
    return load_script("dev.py")


@pytest.mark.parametrize(
    ("argumenten", "verwacht"),
    [
        ([], ("127.0.0.1:8000", "http://127.0.0.1:8000")),
        (["8001"], ("127.0.0.1:8001", "http://127.0.0.1:8001")),
        ([":8002"], ("127.0.0.1:8002", "http://127.0.0.1:8002")),
        (["0.0.0.0:9000"], ("0.0.0.0:9000", "http://127.0.0.1:9000")),
        (["192.0.2.5:8000"], ("192.0.2.5:8000", "http://192.0.2.5:8000")),
    ],
)
def test_the_start_log_names_the_address_the_server_listens_on(argumenten, verwacht):
    assert _dev().listen_address(argumenten) == verwacht
