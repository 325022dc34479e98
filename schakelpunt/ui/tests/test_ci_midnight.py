"""The CI's midnight step (.ci/midnight.py) runs the suite when UTC and Amsterdam are on different days."""

import datetime
from zoneinfo import ZoneInfo

from schakelpunt.testing.scripts import load_script


def _module():
    return load_script(".ci/midnight.py")


def test_the_moment_is_another_day_month_and_year_in_amsterdam():
    moment = datetime.datetime.fromisoformat(_module().MOMENT).replace(tzinfo=datetime.UTC)
    local = moment.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert (local.year, local.month, local.day) == (moment.year + 1, 1, 1)
    assert (moment.month, moment.day) == (12, 31)
