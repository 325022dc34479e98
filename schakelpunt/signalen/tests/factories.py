"""factory_boy factories for signalen tests (synthetic data only)."""

import factory

from schakelpunt.signalen.models import Betrokkene, Signaal
from schakelpunt.testing.factories import UserFactory


class SignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signaal

    melder = factory.SubFactory(UserFactory, roles=["melder"])
    afdeling = factory.LazyAttribute(lambda s: s.melder.afdeling)
    omschrijving = factory.Faker("paragraph", locale="nl_NL")
    acuut_gevaar = False
    minderjarigen_betrokken = False
    prioriteit = factory.LazyAttribute(lambda s: int(s.acuut_gevaar) * 2 + int(s.minderjarigen_betrokken))


class BetrokkeneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Betrokkene

    signaal = factory.SubFactory(SignaalFactory)
    voornamen = factory.Faker("first_name", locale="nl_NL")
    geslachtsnaam = factory.Faker("last_name", locale="nl_NL")
    geboortejaar = 1990
