"""The CI's midnight step (.ci/midnight.py) runs the suite when UTC and Amsterdam are on different days."""

import datetime
import importlib.util
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[3]


def _module():
    spec = importlib.util.spec_from_file_location("midnight", ROOT / ".ci" / "midnight.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_moment_is_another_day_month_and_year_in_amsterdam():
    moment = datetime.datetime.fromisoformat(_module().MOMENT).replace(tzinfo=datetime.UTC)
    local = moment.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert (local.year, local.month, local.day) == (moment.year + 1, 1, 1)
    assert (moment.month, moment.day) == (12, 31)
