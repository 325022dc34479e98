"""factory_boy factories for fenomenen, levensdomeinen and indicatoren."""

import factory

from schakelpunt.taxonomie.models import Fenomeen, Indicator, Levensdomein


class FenomeenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fenomeen
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-fenomeen-{n}")
    naam = factory.Sequence(lambda n: f"Testfenomeen {n}")
    toelichting = "Let op wie het werk, de woning en het geld regelt."
    vragen = factory.LazyFunction(lambda: ["Wie regelt uw woning?", "Kunt u gaan en staan waar u wilt?"])
    meldroute = "Meld het via Schakelpunt bij de aandachtsfunctionaris."


class LevensdomeinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Levensdomein
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-domein-{n}")
    naam = factory.Sequence(lambda n: f"Testdomein {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"test-indicator-{n}")
    naam = factory.Sequence(lambda n: f"Testindicator {n}")
    toelichting = "Een kind is vaak niet op school en wordt opgehaald door onbekenden."
    vragen = factory.LazyFunction(lambda: ["Hoe gaat het op school?"])
    levensdomein = factory.SubFactory(LevensdomeinFactory)

    @factory.post_generation
    def fenomenen(self, create, extracted, **kwargs):
        if create and extracted:
            self.fenomenen.set(extracted)
