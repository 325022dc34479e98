"""factory_boy factories for accounts; other apps add theirs in their own tests package."""

import factory
from django.contrib.auth.hashers import make_password

from schakelpunt.accounts.models import Afdeling, Roltoewijzing, User

PASSWORD = "Proef-wachtwoord-2026!"


class AfdelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afdeling
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Afdeling {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@gemeente.example")
    password = factory.LazyFunction(lambda: make_password(PASSWORD))
    afdeling = factory.SubFactory(AfdelingFactory)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            Roltoewijzing.objects.create(user=self, rol=role)
        self.__dict__.pop("_role_codes", None)
