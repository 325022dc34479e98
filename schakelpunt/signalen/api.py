"""JSON API for signalen: `POST/GET /api/v1/signalen` and `GET /api/v1/signalen/{id}`. Same rules as the screens."""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide
from schakelpunt.signalen import selectors, services, validators
from schakelpunt.signalen.constants import Bron, Onderbuikgevoel, Rol
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.selectors import betrokkene_subjecten
from schakelpunt.taxonomie.models import Fenomeen, Indicator


def _django_to_drf(fn, *args):
    try:
        return fn(*args)
    except DjangoValidationError as exc:
        raise serializers.ValidationError(exc.messages) from None


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
        return _django_to_drf(validators.clean_bsn, value or "")

    def validate_geboortedatum(self, value):
        return _django_to_drf(validators.parse_geboortedatum, value or "")


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
        return _django_to_drf(validators.clean_kvk, value)


class VoertuigSerializer(serializers.Serializer):
    kenteken = serializers.CharField(max_length=12)

    def validate_kenteken(self, value):
        return _django_to_drf(validators.clean_kenteken, value)


class BetrokkeneSerializer(serializers.Serializer):
    rol = serializers.ChoiceField(choices=Rol.choices)
    persoon = PersoonSerializer(required=False)
    adres = AdresSerializer(required=False)
    organisatie = OrganisatieSerializer(required=False)
    voertuig = VoertuigSerializer(required=False)
    telefoonnummer = serializers.CharField(required=False, allow_blank=True, max_length=30)
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=500)

    def validate_telefoonnummer(self, value):
        return _django_to_drf(validators.clean_telefoon, value)

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
    betrokkenen = BetrokkeneSerializer(
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


def signaal_data(signaal: Signaal, *, user) -> dict:
    """The JSON form of one signal; the melder's identity only for those allowed to see it."""
    data = {
        "id": signaal.pk,
        "nummer": signaal.nummer,
        "status": signaal.status,
        "ontvangen_op": signaal.ontvangen_op.isoformat(),
        "omschrijving": signaal.omschrijving,
        "waargenomen_op": signaal.waargenomen_op.isoformat() if signaal.waargenomen_op else None,
        "locatie": signaal.locatie,
        "fenomenen": [f.code for f in signaal.fenomenen.all()],
        "indicatoren": [i.code for i in signaal.indicatoren.all()],
        "onderbuikgevoel": signaal.onderbuikgevoel,
        "acuut_gevaar": signaal.acuut_gevaar,
        "minderjarigen_betrokken": signaal.minderjarigen_betrokken,
        "bron": signaal.bron,
        "identiteit_delen": signaal.identiteit_delen,
        "urgent": signaal.urgent,
        "betrokkenen": [_betrokkene_data(b) for b in signaal.betrokkenen.all()],
        "terugkoppelingen": [
            {"tekst": t.tekst, "verzonden_op": t.verzonden_op.isoformat()} for t in signaal.terugkoppelingen.all()
        ],
    }
    # The subject register: only for those who may see it (the meldpunt); a melder learns nothing.
    subjecten = betrokkene_subjecten(user=user, signaal=signaal)
    if subjecten is not None:
        for item in data["betrokkenen"]:
            item["subject"] = subjecten.get(item["id"])
    if decide(user, "signaal.melder.view"):
        data["melder"] = {
            "username": signaal.melder.username,
            "naam": signaal.melder.display_name(),
            "afdeling": signaal.afdeling.naam if signaal.afdeling_id else None,
        }
    return data


def _betrokkene_data(b) -> dict:
    geboortedatum = None
    if b.geboortejaar:
        geboortedatum = "-".join(
            [f"{b.geboortejaar:04d}"] + [f"{v:02d}" for v in (b.geboortemaand, b.geboortedag) if v]
        )
    return {
        "id": b.pk,
        "rol": b.rol,
        "soort": b.soort,
        "persoon": {
            "voornamen": b.voornamen,
            "voorvoegsel": b.voorvoegsel,
            "geslachtsnaam": b.geslachtsnaam,
            "geboortedatum": geboortedatum,
            "geboortedatum_geschat": b.geboortedatum_geschat,
            "bsn": b.bsn or None,
        },
        "adres": {
            "straat": b.straat,
            "huisnummer": b.huisnummer,
            "huisletter": b.huisletter,
            "toevoeging": b.toevoeging,
            "postcode": b.postcode,
            "woonplaats": b.woonplaats,
            "land": b.land,
        },
        "organisatie": {"naam": b.organisatienaam, "kvk_nummer": b.kvk_nummer},
        "voertuig": {"kenteken": b.kenteken},
        "telefoonnummer": b.telefoonnummer,
        "toelichting": b.toelichting,
    }


def _list_item(signaal: Signaal) -> dict:
    return {
        "id": signaal.pk,
        "nummer": signaal.nummer,
        "status": signaal.status,
        "ontvangen_op": signaal.ontvangen_op.isoformat(),
        "acuut_gevaar": signaal.acuut_gevaar,
        "minderjarigen_betrokken": signaal.minderjarigen_betrokken,
        "urgent": signaal.urgent,
        "fenomenen": [f.code for f in signaal.fenomenen.all()],
    }


def _request_hash(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


IDEMPOTENCY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="Een herhaald verzoek met dezelfde sleutel geeft het eerste resultaat terug.",
)


NO_ACCESS = "Je hebt geen toegang tot signalen."


class SignalenView(APIView):
    @extend_schema(
        summary="Signalen die je mag zien (nieuwste eerst)",
        tags=["signalen"],
        responses={200: OpenApiTypes.OBJECT},
        operation_id="signalen_list",
        parameters=[OpenApiParameter("pagina", int)],
    )
    def get(self, request):
        user = request.user
        require(user, "signaal.view", message=NO_ACCESS)
        page = selectors.signaal_list(user=user, page=selectors.page_number(request.query_params.get("pagina")))
        return Response(
            {
                "pagina": page.number,
                "volgende": page.number + 1 if page.has_next else None,
                "resultaten": [_list_item(s) for s in page.items],
            }
        )

    @extend_schema(
        request=SignaalCreateSerializer,
        parameters=[IDEMPOTENCY],
        responses={201: OpenApiTypes.OBJECT},
        operation_id="signalen_create",
        summary="Een signaal melden",
        tags=["signalen"],
    )
    def post(self, request):
        user = request.user
        require(user, "signaal.report", message=NO_ACCESS)
        serializer = SignaalCreateSerializer(data=request.data)
        if not serializer.is_valid():
            raise exceptions.ValidationError(serializer.errors)
        kwargs = serializer.service_kwargs()
        key = request.headers.get("Idempotency-Key", "").strip()
        if len(key) > 200:
            raise exceptions.ValidationError({"Idempotency-Key": ["Hoogstens 200 tekens."]})
        # Storing, reading back and logging that read are one transaction: an answer other than
        # 201 never means "stored anyway", so a client may safely retry.
        try:
            with transaction.atomic():
                if key:
                    signaal, created = services.signaal_create_idempotent(
                        actor=user, key=key, request_hash=_request_hash(request.data), **kwargs
                    )
                else:
                    signaal, created = services.signaal_create(actor=user, **kwargs), True
                signaal = selectors.signaal_get(user=user, pk=signaal.pk)
                body = signaal_data(signaal, user=user)
        except ValueError as exc:
            raise exceptions.ValidationError({"Idempotency-Key": [str(exc)]}) from None
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from None
        headers = {"Location": f"/api/v1/signalen/{signaal.pk}"}
        if not created:
            headers["Idempotent-Replayed"] = "true"
        return Response(body, status=status.HTTP_201_CREATED, headers=headers)


signalen = SignalenView.as_view()


@extend_schema(
    summary="Eén signaal (404 voor wie het niet mag zien)",
    tags=["signalen"],
    responses={200: OpenApiTypes.OBJECT},
    operation_id="signalen_retrieve",
)
@api_view(["GET"])
def signaal_detail(request, pk: int):
    signaal = selectors.signaal_get(user=request.user, pk=pk)
    return Response(signaal_data(signaal, user=request.user))
