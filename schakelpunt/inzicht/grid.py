"""The fixed grid on which figures are published: whole quarters, each split into its months.

Free periods are never offered: January–March minus January–February would give March for
a small cell. Each month appears in exactly one published table (its quarter's).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from schakelpunt.ui.datums import MAANDEN

_CODE = re.compile(r"^(\d{4})-K([1-4])$")


@dataclass(frozen=True, order=True)
class Kwartaal:
    jaar: int
    nummer: int

    @classmethod
    def parse(cls, code: str | None) -> Kwartaal | None:
        match = _CODE.match(code or "")
        if not match:
            return None
        jaar = int(match.group(1))
        if not 2000 <= jaar <= 2100:
            return None
        return cls(jaar, int(match.group(2)))

    @classmethod
    def van(cls, datum: datetime.date) -> Kwartaal:
        return cls(datum.year, (datum.month - 1) // 3 + 1)

    @property
    def code(self) -> str:
        return f"{self.jaar}-K{self.nummer}"

    @property
    def label(self) -> str:
        return f"{self.nummer}e kwartaal {self.jaar}"

    @property
    def maanden(self) -> list[int]:
        start = (self.nummer - 1) * 3 + 1
        return [start, start + 1, start + 2]

    @property
    def maand_labels(self) -> list[str]:
        return [MAANDEN[m - 1] for m in self.maanden]

    @property
    def begin(self) -> datetime.date:
        return datetime.date(self.jaar, self.maanden[0], 1)

    @property
    def einde(self) -> datetime.date:
        """The first day after the quarter."""
        return (
            datetime.date(self.jaar + 1, 1, 1) if self.nummer == 4 else datetime.date(self.jaar, self.maanden[0] + 3, 1)
        )

    def vorige(self) -> Kwartaal:
        return Kwartaal(self.jaar - 1, 4) if self.nummer == 1 else Kwartaal(self.jaar, self.nummer - 1)


def kwartalen(vandaag: datetime.date, aantal: int = 8) -> list[Kwartaal]:
    """The quarters that can be chosen, newest first (the current one included)."""
    k = Kwartaal.van(vandaag)
    result = []
    for _ in range(aantal):
        result.append(k)
        k = k.vorige()
    return result
