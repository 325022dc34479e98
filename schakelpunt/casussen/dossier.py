"""The casusdossier as PDF (placeholder until the PDF mechanism lands)."""


def dossier_pdf(*, user, casus) -> bytes:
    raise NotImplementedError
