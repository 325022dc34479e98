"""The one PDF mechanism of the application: HTML to a tagged, accessible PDF (PDF/UA-1) with WeasyPrint.

Every export (casusdossier, doormelding, reports) renders a template and calls `render_pdf`;
see docs/adr for why WeasyPrint. Text stays extractable, so tests can check what a PDF holds.
"""

from __future__ import annotations


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
