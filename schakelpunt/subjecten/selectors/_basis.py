"""What every subject read shares: may the user see this person at all."""

from __future__ import annotations

from schakelpunt.access.policy import Decision, verify
from schakelpunt.subjecten.models import Persoon


def _zichtbaar(user, persoon: Persoon) -> Decision:
    """The decision to show `persoon`; NotFound (404, refusal logged) for a person the user may not see."""
    return verify(user, "subject.view", persoon, object_type="persoon", message="Persoon niet gevonden")
