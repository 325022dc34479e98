"""JSON API for signalen: `POST/GET /api/v1/signalen` and `GET /api/v1/signalen/{id}`. Same rules as the screens."""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide
from schakelpunt.api import (
    PAGINA,
    FromContext,
    UtcDateTimeField,
    pagina_response,
    pagina_serializer,
    problems,
    query_pagina,
)
from schakelpunt.signalen import selectors, services, validators
from schakelpunt.signalen.constants import Bron, Onderbuikgevoel, Rol, Soort, Status
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.register import betrokkene_subjecten
from schakelpunt.taxonomie.models import Fenomeen, Indicator

MAX_IDEMPOTENCY_KEY = 200


class PersoonSerializer(serializers.Serializer):
    voornamen = serializers.CharField(required=False, allow_blank=True, max_length=200)
    voorvoegsel = serializers.CharField(required=False, allow_blank=True, max_length=30)
    geslachtsnaam = serializers.CharField(required=False, allow_blank=True, max_length=200)
    geboortedatum = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, help_text="JJJJ, JJJJ-MM of JJJJ-MM-DD"
    )
    geboortedatum_geschat = serializers.BooleanField(required=False, default=False)
    bsn = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=12)

    def validate_bsn(self, value):
        return validators.clean_bsn(value or "")

    def validate_geboortedatum(self, value):
        return validators.parse_geboortedatum(value or "")


class AdresSerializer(serializers.Serializer):
    straat = serializers.CharField(required=False, allow_blank=True, max_length=200)
    huisnummer = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=99999)
    huisletter = serializers.CharField(required=False, allow_blank=True, max_length=1)
    toevoeging = serializers.CharField(required=False, allow_blank=True, max_length=10)
    postcode = serializers.CharField(required=False, allow_blank=True, max_length=12)
    woonplaats = serializers.CharField(required=False, allow_blank=True, max_length=100)
    land = serializers.CharField(required=False, allow_blank=True, max_length=60)

    def validate(self, attrs):
        errors = {}
        try:
            attrs["postcode"] = validators.clean_postcode(attrs.get("postcode", ""), attrs.get("land", ""))
        except DjangoValidationError as exc:
            errors["postcode"] = exc.messages
        if validators.is_nederland(attrs.get("land")) and attrs.get("postcode") and not attrs.get("huisnummer"):
            errors["huisnummer"] = ["Vul bij een postcode ook het huisnummer in."]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class OrganisatieSerializer(serializers.Serializer):
    naam = serializers.CharField(required=False, allow_blank=True, max_length=200)
    kvk_nummer = serializers.CharField(required=False, allow_blank=True, max_length=12)

    def validate_kvk_nummer(self, value):
        return validators.clean_kvk(value)


class VoertuigSerializer(serializers.Serializer):
    kenteken = serializers.CharField(max_length=12)

    def validate_kenteken(self, value):
        return validators.clean_kenteken(value)


class BetrokkeneSerializer(serializers.Serializer):
    rol = serializers.ChoiceField(choices=Rol.choices)
    persoon = PersoonSerializer(required=False)
    adres = AdresSerializer(required=False)
    organisatie = OrganisatieSerializer(required=False)
    voertuig = VoertuigSerializer(required=False)
    telefoonnummer = serializers.CharField(required=False, allow_blank=True, max_length=30)
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=500)

    def validate_telefoonnummer(self, value):
        return validators.clean_telefoon(value)

    def to_model_fields(self, data: dict) -> dict:
        fields = {
            "rol": data["rol"],
            "telefoonnummer": data.get("telefoonnummer", ""),
            "toelichting": data.get("toelichting", ""),
        }
        persoon = data.get("persoon") or {}
        jaar, maand, dag = persoon.get("geboortedatum") or (None, None, None)
        fields.update({k: persoon.get(k) or "" for k in ("voornamen", "voorvoegsel", "geslachtsnaam", "bsn")})
        fields.update(
            geboortejaar=jaar,
            geboortemaand=maand,
            geboortedag=dag,
            geboortedatum_geschat=persoon.get("geboortedatum_geschat", False),
        )
        adres = data.get("adres") or {}
        fields.update(
            {k: adres.get(k) or "" for k in ("straat", "huisletter", "toevoeging", "postcode", "woonplaats", "land")}
        )
        fields["huisnummer"] = adres.get("huisnummer")
        organisatie = data.get("organisatie") or {}
        fields.update(organisatienaam=organisatie.get("naam", ""), kvk_nummer=organisatie.get("kvk_nummer", ""))
        fields["kenteken"] = (data.get("voertuig") or {}).get("kenteken", "")
        return fields


class SignaalCreateSerializer(serializers.Serializer):
    omschrijving = serializers.CharField(max_length=settings.SIGNAAL_OMSCHRIJVING_MAX)
    fenomenen = serializers.ListField(child=serializers.SlugField(), required=False, default=list, max_length=50)
    indicatoren = serializers.ListField(child=serializers.SlugField(), required=False, default=list, max_length=100)
    waargenomen_op = serializers.DateField(required=False, allow_null=True)
    locatie = serializers.CharField(required=False, allow_blank=True, max_length=300)
    onderbuikgevoel = serializers.ChoiceField(
        choices=Onderbuikgevoel.choices, required=False, default=Onderbuikgevoel.DUIDELIJK
    )
    acuut_gevaar = serializers.BooleanField(required=False, default=False)
    minderjarigen_betrokken = serializers.BooleanField(required=False, default=False)
    bron = serializers.ChoiceField(choices=Bron.choices, required=False, default=Bron.EIGEN_WAARNEMING)
    identiteit_delen = serializers.BooleanField(required=False, default=False)
    # The service enforces SIGNAAL_BETROKKENEN_MAX; the serializer stops a huge list before
    # validating each item, and publishes the limit in the OpenAPI document.
    betrokkenen = BetrokkeneSerializer(  # type: ignore[call-arg]  # many=True makes a ListSerializer, which takes max_length
        many=True,
        required=False,
        default=list,
        max_length=settings.SIGNAAL_BETROKKENEN_MAX,
        error_messages={"max_length": f"Hoogstens {settings.SIGNAAL_BETROKKENEN_MAX} betrokkenen per signaal."},
    )

    @staticmethod
    def _resolve(model, codes: list[str]):
        found = {obj.code: obj for obj in model.objects.filter(code__in=codes, actief=True)}
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise serializers.ValidationError(f"Onbekende of niet meer actieve code(s): {', '.join(unknown)}.")
        return list(found.values())

    def validate_fenomenen(self, value):
        return self._resolve(Fenomeen, value)

    def validate_indicatoren(self, value):
        return self._resolve(Indicator, value)

    def service_kwargs(self) -> dict:
        data = dict(self.validated_data)
        item = BetrokkeneSerializer()
        data["betrokkenen"] = [item.to_model_fields(b) for b in data.get("betrokkenen", [])]
        return data


# --- Output -------------------------------------------------------------------------------------


def _geboortedatum(jaar: int | None, maand: int | None, dag: int | None) -> str | None:
    """`JJJJ`, `JJJJ-MM` or `JJJJ-MM-DD`: as much of the date as is known."""
    if not jaar:
        return None
    parts = [f"{jaar:04d}"]
    if maand:
        parts.append(f"{maand:02d}")
        if dag:
            parts.append(f"{dag:02d}")
    return "-".join(parts)


@extend_schema_field(OpenApiTypes.STR)
class GeboortedatumField(serializers.Field):
    """Output only: the (partial) date of birth of a betrokkene or person, or null."""

    def __init__(self, **kw):
        kw.setdefault("help_text", "JJJJ, JJJJ-MM of JJJJ-MM-DD: zoveel als bekend is.")
        super().__init__(source="*", allow_null=True, read_only=True, **kw)

    def to_representation(self, obj):
        return _geboortedatum(obj.geboortejaar, obj.geboortemaand, obj.geboortedag)


class CodesField(serializers.ListField):
    """Output only: the codes of a many-to-many of taxonomy items (fenomenen, indicatoren)."""

    def __init__(self, **kw):
        super().__init__(child=serializers.CharField(), read_only=True, **kw)

    def to_representation(self, manager):
        return [item.code for item in manager.all()]


class BetrokkenePersoonSerializer(serializers.Serializer):
    voornamen = serializers.CharField()
    voorvoegsel = serializers.CharField()
    geslachtsnaam = serializers.CharField()
    geboortedatum = GeboortedatumField()
    geboortedatum_geschat = serializers.BooleanField()
    bsn = serializers.CharField(allow_null=True, help_text="Zoals de melder het gaf; null als er geen is.")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["bsn"] = data["bsn"] or None
        return data


class BetrokkeneAdresSerializer(serializers.Serializer):
    straat = serializers.CharField()
    huisnummer = serializers.IntegerField(allow_null=True)
    huisletter = serializers.CharField()
    toevoeging = serializers.CharField()
    postcode = serializers.CharField()
    woonplaats = serializers.CharField()
    land = serializers.CharField()


class BetrokkeneOrganisatieSerializer(serializers.Serializer):
    naam = serializers.CharField(source="organisatienaam")
    kvk_nummer = serializers.CharField()


class BetrokkeneVoertuigSerializer(serializers.Serializer):
    kenteken = serializers.CharField()


class MogelijkeMatchSerializer(serializers.Serializer):
    mogelijke_match_id = serializers.IntegerField()
    persoon_id = serializers.IntegerField(help_text="De kandidaat: een andere persoon die dezelfde kan zijn.")
    score = serializers.FloatField()
    toelichting = serializers.CharField(allow_blank=True)


class KoppelingSerializer(serializers.Serializer):
    """The subject a betrokkene was resolved to in the register (meldpunt only)."""

    persoon_id = serializers.IntegerField(allow_null=True)
    adres_id = serializers.IntegerField(allow_null=True)
    organisatie_id = serializers.IntegerField(allow_null=True)
    voertuig_id = serializers.IntegerField(allow_null=True)
    telefoonnummer_id = serializers.IntegerField(allow_null=True)
    # A string, not the register's enum: signalen asks the register through one narrow function only.
    methode = serializers.CharField(
        help_text="Hoe de koppeling tot stand kwam: `bsn`, `sleutel`, `waarschijnlijk`, `nieuw` of `handmatig`."
    )
    score = serializers.FloatField(allow_null=True)
    toelichting = serializers.CharField(allow_blank=True)
    mogelijke_matches = MogelijkeMatchSerializer(many=True)


class BetrokkeneSerializerOut(serializers.Serializer):
    id = serializers.IntegerField()
    rol = serializers.ChoiceField(choices=Rol.choices)
    soort = serializers.ChoiceField(choices=Soort.choices)
    persoon = BetrokkenePersoonSerializer(source="*")
    adres = BetrokkeneAdresSerializer(source="*")
    organisatie = BetrokkeneOrganisatieSerializer(source="*")
    voertuig = BetrokkeneVoertuigSerializer(source="*")
    telefoonnummer = serializers.CharField()
    toelichting = serializers.CharField()
    subject = FromContext(
        KoppelingSerializer(),
        key="subjecten",
        per_item=True,
        allow_null=True,
        help_text="Alleen voor het meldpunt: het subject in het register (null als nog niet gekoppeld).",
    )

    class Meta:
        ref_name = "Betrokkene"


class TerugkoppelingSerializer(serializers.Serializer):
    tekst = serializers.CharField()
    verzonden_op = UtcDateTimeField()


class MelderSerializer(serializers.Serializer):
    username = serializers.CharField(source="melder.username")
    naam = serializers.CharField(source="melder.display_name")
    afdeling = serializers.CharField(source="afdeling.naam", allow_null=True)


class SignaalSerializer(serializers.Serializer):
    """One signal as the caller may see it."""

    id = serializers.IntegerField()
    nummer = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    ontvangen_op = UtcDateTimeField()
    omschrijving = serializers.CharField()
    waargenomen_op = serializers.DateField(allow_null=True)
    locatie = serializers.CharField()
    fenomenen = CodesField()
    indicatoren = CodesField()
    onderbuikgevoel = serializers.ChoiceField(choices=Onderbuikgevoel.choices)
    acuut_gevaar = serializers.BooleanField()
    minderjarigen_betrokken = serializers.BooleanField()
    bron = serializers.ChoiceField(choices=Bron.choices)
    identiteit_delen = serializers.BooleanField()
    urgent = serializers.BooleanField()
    betrokkenen = BetrokkeneSerializerOut(many=True)
    terugkoppelingen = TerugkoppelingSerializer(many=True)
    melder = FromContext(
        MelderSerializer(), help_text="Alleen voor wie de melder mag zien (het meldpunt), nooit voor de melder zelf."
    )


def signaal_data(signaal: Signaal, *, user) -> dict:
    """The JSON form of one signal; the melder's identity and the register only for those allowed to see them."""
    context: dict[str, object] = {"subjecten": betrokkene_subjecten(user=user, signaal=signaal)}
    if decide(user, "signaal.melder.view"):
        context["melder"] = signaal
    return SignaalSerializer(signaal, context=context).data


class SignaalSamenvattingSerializer(serializers.Serializer):
    """A signal in a list: enough to choose which one to open."""

    id = serializers.IntegerField()
    nummer = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    ontvangen_op = UtcDateTimeField()
    acuut_gevaar = serializers.BooleanField()
    minderjarigen_betrokken = serializers.BooleanField()
    urgent = serializers.BooleanField()
    fenomenen = CodesField()


def _request_hash(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


IDEMPOTENCY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="Optioneel; maakt het verzoek veilig om te herhalen. Een herhaald verzoek met dezelfde sleutel "
    "en dezelfde inhoud maakt geen tweede signaal, maar geeft het eerste antwoord terug (met "
    "`Idempotent-Replayed: true`). Dezelfde sleutel met een andere inhoud geeft 422 met type "
    f"`{services.IdempotencyKeyReused.problem_type}`. Een lege sleutel of een van meer dan "
    f"{MAX_IDEMPOTENCY_KEY} tekens geeft 400. Een sleutel geldt per gebruiker.",
)
LOCATION = OpenApiParameter(
    "Location", str, OpenApiParameter.HEADER, response=[201], description="Het adres van het nieuwe signaal."
)
REPLAYED = OpenApiParameter(
    "Idempotent-Replayed",
    str,
    OpenApiParameter.HEADER,
    response=[201],
    description="`true` als dit het antwoord op een eerder verzoek met dezelfde Idempotency-Key is.",
)


def _idempotency_key(request) -> str | None:
    """The Idempotency-Key header: None when absent; blank or too long is a 400, never silently ignored."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    key = key.strip()
    if not key:
        raise exceptions.ValidationError(
            {"Idempotency-Key": ["Deze header is leeg; laat hem weg of geef een sleutel."]}
        )
    if len(key) > MAX_IDEMPOTENCY_KEY:
        raise exceptions.ValidationError({"Idempotency-Key": [f"Hoogstens {MAX_IDEMPOTENCY_KEY} tekens."]})
    return key


NO_ACCESS = "Je hebt geen toegang tot signalen."


class SignalenView(APIView):
    @extend_schema(
        summary="Signalen die je mag zien (nieuwste eerst)",
        tags=["signalen"],
        responses={
            200: OpenApiResponse(pagina_serializer(SignaalSamenvattingSerializer), "Eén pagina signalen."),
            **problems(403),
        },
        operation_id="signalen_list",
        parameters=[PAGINA],
    )
    def get(self, request):
        user = request.user
        require(user, "signaal.view", message=NO_ACCESS)
        page = selectors.signaal_list(user=user, page=query_pagina(request))
        return pagina_response(page, SignaalSamenvattingSerializer)

    @extend_schema(
        request=SignaalCreateSerializer,
        parameters=[IDEMPOTENCY, LOCATION, REPLAYED],
        responses={
            201: OpenApiResponse(SignaalSerializer, "Opgeslagen (of al eerder, bij een herhaald verzoek)."),
            **problems(403, 422),
        },
        operation_id="signalen_create",
        summary="Een signaal melden",
        tags=["signalen"],
    )
    def post(self, request):
        user = request.user
        require(user, "signaal.report", message=NO_ACCESS)
        key = _idempotency_key(request)
        serializer = SignaalCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kwargs = serializer.service_kwargs()
        # Storing, reading back and logging that read are one transaction: an answer other than
        # 201 never means "stored anyway", so a client may safely retry.
        with transaction.atomic():
            if key:
                signaal, created = services.signaal_create_idempotent(
                    actor=user, key=key, request_hash=_request_hash(request.data), **kwargs
                )
            else:
                signaal, created = services.signaal_create(actor=user, **kwargs), True
            signaal = selectors.signaal_get(user=user, pk=signaal.pk)
            body = signaal_data(signaal, user=user)
        headers = {"Location": f"/api/v1/signalen/{signaal.pk}"}
        if not created:
            headers["Idempotent-Replayed"] = "true"
        return Response(body, status=status.HTTP_201_CREATED, headers=headers)


signalen = SignalenView.as_view()


@extend_schema(
    summary="Eén signaal (404 voor wie het niet mag zien)",
    tags=["signalen"],
    responses={200: OpenApiResponse(SignaalSerializer, "Het signaal zoals jij het mag zien.")},
    operation_id="signalen_retrieve",
)
@api_view(["GET"])
def signaal_detail(request, pk: int):
    signaal = selectors.signaal_get(user=request.user, pk=pk)
    return Response(signaal_data(signaal, user=request.user))
