"""factory_boy factories for subjecten tests (synthetic data only)."""

import factory

from schakelpunt.subjecten.models import Adres, Persoon


class AdresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adres

    straat = "Dorpsstraat"
    huisnummer = factory.Sequence(lambda n: n + 1)
    postcode = "1234AB"
    woonplaats = "Ergens"
    sleutel = factory.LazyAttribute(lambda a: f"NL|{a.postcode}|{a.huisnummer}||")


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    voornamen = factory.Faker("first_name", locale="nl_NL")
    geslachtsnaam = factory.Faker("last_name", locale="nl_NL")
    geboortejaar = 1985
