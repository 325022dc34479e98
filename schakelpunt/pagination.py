"""One page of a list, for every selector that pages (screens and API alike)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
