"""The one fetch-and-check: the same answer for missing and hidden, a refusal logged once, rules from scopes."""

import pytest

from schakelpunt.access import policy
from schakelpunt.access.policy import NotFound, decide, fetch, scope, verify
from schakelpunt.audit.models import AuditRecord, Outcome
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory
from schakelpunt.subjecten.models import Persoon, SubjectInzage

pytestmark = pytest.mark.django_db

ROLES = ["melder", "aandachtsfunctionaris", "casusregisseur", "deelnemer", "bestuur", "beheerder", None]


def _refusals():
    return AuditRecord.objects.filter(uitkomst=Outcome.REFUSED)


def test_fetch_returns_object_and_decision_for_the_melder(persona):
    signaal = SignaalFactory(melder=persona("melder"))
    obj, decision = fetch(persona("melder"), "signaal.view", Signaal.objects.all(), signaal.pk, object_type="signaal")
    assert obj == signaal and decision.allowed and decision.role == "melder"
    assert not _refusals().exists()


def test_missing_and_hidden_get_the_same_answer_and_only_hidden_is_logged(persona, make_user):
    other = make_user("melder")
    hidden = SignaalFactory(melder=other)
    BetrokkeneFactory(signaal=hidden)
    answers = []
    for pk in (hidden.pk, hidden.pk + 1000):
        with pytest.raises(NotFound) as info:
            fetch(persona("melder"), "signaal.view", Signaal.objects.all(), pk, object_type="signaal", message="weg")
        answers.append((type(info.value), str(info.value)))
    assert answers[0] == answers[1]
    refused = _refusals()
    assert set(refused.values_list("object_id", flat=True)) == {str(hidden.pk)}


def test_refusal_of_a_hidden_object_names_the_persons_concerned(persona, make_user):
    hidden = SignaalFactory(melder=make_user("melder"))
    betrokkene = BetrokkeneFactory(signaal=hidden)
    with pytest.raises(NotFound):
        fetch(
            persona("melder"),
            "signaal.view",
            Signaal.objects.all(),
            hidden.pk,
            object_type="signaal",
            betrokkenen=lambda s: [b.log_key for b in s.betrokkenen.all()],
        )
    assert list(_refusals().values_list("betrokkene", flat=True)) == [betrokkene.log_key]


@pytest.mark.parametrize("pk", ["abc", "-1", "0", str(2**70), None, "1; DROP TABLE"])
def test_hostile_ids_are_simply_not_found(persona, pk):
    with pytest.raises(NotFound):
        fetch(persona("aandachtsfunctionaris"), "signaal.view", Signaal.objects.all(), pk, object_type="signaal")


def test_a_role_that_may_not_use_the_permission_is_logged_even_for_a_missing_object(persona):
    with pytest.raises(NotFound):
        fetch(persona("bestuur"), "signaal.view", Signaal.objects.all(), 999999, object_type="signaal")
    assert _refusals().count() == 1


def test_verify_answers_like_fetch(persona):
    p = Persoon.objects.create(geslachtsnaam="Testpersoon")
    with pytest.raises(NotFound):
        verify(persona("deelnemer"), "subject.view", p, object_type="persoon")
    assert _refusals().count() == 1
    SubjectInzage.objects.create(
        user=persona("deelnemer"), persoon=p, reden="test", verleend_door=persona("aandachtsfunctionaris")
    )
    assert verify(persona("deelnemer"), "subject.view", p, object_type="persoon").allowed


@pytest.mark.parametrize("role", ROLES)
def test_object_rules_agree_with_scopes_for_every_persona(persona, make_user, role):
    """Where a permission has a scope, decide(obj) and scope() give the same answer for every object."""
    user = persona(role)
    signalen = [SignaalFactory(melder=user), SignaalFactory(melder=make_user("melder"))]
    personen = [Persoon.objects.create(geslachtsnaam=f"P{i}") for i in range(2)]
    if role in ("deelnemer", "casusregisseur"):
        SubjectInzage.objects.create(
            user=user, persoon=personen[0], reden="test", verleend_door=persona("aandachtsfunctionaris")
        )
    objects = {Signaal: signalen, Persoon: personen}
    for code, perm in policy.PERMISSIONS.items():
        if perm.scope is None:
            continue
        assert perm.object_rule is None, f"{code}: a hand-written object rule beside a scope"
        for model, items in objects.items():
            try:
                visible, _ = scope(user, code, model.objects.all())
                in_scope = set(visible.values_list("pk", flat=True))
            except Exception:  # noqa: S112 - a scope written for another model
                continue
            for obj in items:
                assert bool(decide(user, code, obj)) == (obj.pk in in_scope), (code, role, obj)
