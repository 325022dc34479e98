"""One page of a list, for every selector that pages (screens and API alike)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet


@dataclass
class Page:
    """A page without COUNT(*): one extra row tells whether there is a next page."""

    items: list[Any]
    number: int
    has_next: bool
    page_size: int
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


# No list has this many pages; a much larger number would overflow the database's OFFSET (int64)
# once multiplied by the page size. (page_number also reads ids from forms: none is this large.)
PAGINA_MAX = 10**12


def page_number(raw: str | None) -> int:
    """The page asked for in `?pagina=`: 1 for anything that is not a positive number, and at
    most PAGINA_MAX (an empty page) however large the number."""
    raw = (raw or "1").strip()
    if not (raw.isascii() and raw.isdigit()):
        return 1
    return PAGINA_MAX if len(raw) > 13 else min(max(1, int(raw)), PAGINA_MAX)


def paginate(queryset: QuerySet[Any], page: int, page_size: int) -> Page:
    """Page ``page`` (from 1, at most PAGINA_MAX) of ``queryset``: one query, no COUNT(*)."""
    page = min(max(1, page), PAGINA_MAX)
    offset = (page - 1) * page_size
    rows = list(queryset[offset : offset + page_size + 1])
    return Page(items=rows[:page_size], number=page, has_next=len(rows) > page_size, page_size=page_size)
