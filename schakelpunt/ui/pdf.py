"""The one PDF mechanism of the application: HTML to a tagged, accessible PDF (PDF/UA-1) with WeasyPrint.

Every export (casusdossier, doormelding, verslag, reports) renders a template and calls
`render_pdf`; see docs/adr/0008-pdf.md for why WeasyPrint. Text stays extractable, so tests can
check what a PDF holds. Styles come from a file (templates carry no inline style: strict CSP).
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_STYLESHEET = Path(__file__).resolve().parent / "static" / "ui" / "css" / "pdf.css"


def render_pdf(html: str, stylesheet: Path = DEFAULT_STYLESHEET) -> bytes:
    from weasyprint import CSS, HTML

    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(stylesheet))], pdf_variant="pdf/ua-1")
