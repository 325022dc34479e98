"""JSON API for casussen: `GET/POST /api/v1/casussen`, `GET /api/v1/casussen/{id}`, the phase
change and the decisions as their own endpoints. Same rules and services as the screens."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from schakelpunt.access.decorators import require
from schakelpunt.api import PAGINA, problems, query_pagina
from schakelpunt.casussen import selectors, services
from schakelpunt.casussen.constants import BesluitSoort, MeldenUitkomst, Partner
from schakelpunt.casussen.models import Besluit, Fase
from schakelpunt.signalen.models import Signaal


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = services.CONFLICT
    default_code = "conflict"


def _call(fn, **kwargs):
    try:
        return fn(**kwargs)
    except services.ConflictError as exc:
        raise Conflict(str(exc)) from None
    except DjangoValidationError as exc:
        raise exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from None


# --- Output serializers ---------------------------------------------------------------------------


class FaseSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    stap = serializers.IntegerField(allow_null=True)


class CasusLijstSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nummer = serializers.CharField()
    titel = serializers.CharField()
    fase = FaseSerializer()
    regievoerder = serializers.CharField(source="regievoerder.display_name")
    te_laat = serializers.BooleanField(help_text="Langer in deze fase dan de normtijd")
    aangemaakt_op = serializers.DateTimeField()


class BesluitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    soort = serializers.ChoiceField(choices=BesluitSoort.choices)
    vraag = serializers.CharField()
    opties = serializers.CharField()
    overwegingen = serializers.CharField()
    besluit = serializers.CharField()
    melden = serializers.CharField(help_text="ja, nee, nog_niet (alleen bij 'gaan we melden?')")
    melden_partner = serializers.CharField()
    regie_bij = serializers.SerializerMethodField()
    geldig_van = serializers.DateField()
    geldig_tot = serializers.DateField(allow_null=True)
    genomen_door = serializers.CharField(source="genomen_door.display_name")
    genomen_op = serializers.DateTimeField()

    def get_regie_bij(self, obj) -> str:
        if obj.regie_user_id:
            return obj.regie_user.display_name()
        return Partner(obj.regie_partner).label if obj.regie_partner else ""


class SubjectSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    persoon = serializers.IntegerField(source="persoon_id", allow_null=True)


class SignaalInCasusSerializer(serializers.Serializer):
    """A signal as participants see it: what was reported, never who reported it."""

    id = serializers.IntegerField(source="signaal.id")
    nummer = serializers.CharField(source="signaal.nummer")
    omschrijving = serializers.CharField(source="signaal.omschrijving")
    ontvangen_op = serializers.DateTimeField(source="signaal.ontvangen_op")


class DeelnemerSerializer(serializers.Serializer):
    naam = serializers.CharField(source="user.display_name")
    partner = serializers.CharField()
    actief = serializers.BooleanField()


class ChecklistSerializer(serializers.Serializer):
    code = serializers.CharField(source="item.code")
    tekst = serializers.CharField(source="item.tekst")
    verplicht = serializers.BooleanField(source="item.verplicht")
    gedaan = serializers.SerializerMethodField()

    def get_gedaan(self, obj) -> bool:
        return obj["afvinking"] is not None


class CasusSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="casus.id")
    nummer = serializers.CharField(source="casus.nummer")
    titel = serializers.CharField(source="casus.titel")
    samenvatting = serializers.CharField(source="casus.samenvatting")
    versie = serializers.IntegerField(source="casus.versie", help_text="Stuur mee bij een wijziging (conflictcontrole)")
    fase = FaseSerializer(source="casus.fase")
    fase_sinds = serializers.DateTimeField(source="casus.fase_sinds")
    te_laat = serializers.BooleanField(source="casus.te_laat")
    regievoerder = serializers.CharField(source="casus.regievoerder.display_name")
    besluit_melden = BesluitSerializer(allow_null=True)
    besluit_regie = BesluitSerializer(allow_null=True)
    checklist = ChecklistSerializer(many=True)
    volgende_fasen = FaseSerializer(many=True)
    subjecten = SubjectSerializer(many=True)
    signalen = SignaalInCasusSerializer(many=True)
    deelnemers = DeelnemerSerializer(many=True)


class CasusPaginaSerializer(serializers.Serializer):
    pagina = serializers.IntegerField()
    volgende = serializers.IntegerField(allow_null=True)
    resultaten = CasusLijstSerializer(many=True)


# --- Input serializers ------------------------------------------------------------------------------


class CasusCreateSerializer(serializers.Serializer):
    titel = serializers.CharField(max_length=200)
    signalen = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**62), min_length=1, max_length=100
    )
    regievoerder = serializers.IntegerField(required=False, min_value=1, help_text="Gebruiker-id; standaard jijzelf")
    samenvatting = serializers.CharField(required=False, allow_blank=True, default="")
    heropen_reden = serializers.CharField(required=False, allow_blank=True, default="")

    def validate_signalen(self, value):
        found = {s.pk: s for s in Signaal.objects.filter(pk__in=value)}
        missing = [str(pk) for pk in value if pk not in found]
        if missing:
            raise serializers.ValidationError(f"Onbekende signalen: {', '.join(missing)}.")
        return [found[pk] for pk in dict.fromkeys(value)]

    def validate_regievoerder(self, value):
        user = services.regie_keuzes().filter(pk=value).first()
        if user is None:
            raise serializers.ValidationError("De regievoerder is een casusregisseur of een aandachtsfunctionaris.")
        return user


class FaseWijzigenSerializer(serializers.Serializer):
    naar = serializers.SlugRelatedField(slug_field="code", queryset=Fase.objects.all())
    versie = serializers.IntegerField(min_value=1)
    reden = serializers.CharField(required=False, allow_blank=True, default="")
    doorbreken = serializers.BooleanField(required=False, default=False)


class BesluitCreateSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=BesluitSoort.choices)
    vraag = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
    opties = serializers.CharField(required=False, allow_blank=True, default="")
    overwegingen = serializers.CharField()
    besluit = serializers.CharField(required=False, allow_blank=True, default="")
    melden = serializers.ChoiceField(choices=MeldenUitkomst.choices, required=False, allow_blank=True, default="")
    melden_partner = serializers.ChoiceField(choices=Partner.choices, required=False, allow_blank=True, default="")
    regie_user = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_active=True), required=False, allow_null=True, default=None
    )
    regie_partner = serializers.ChoiceField(choices=Partner.choices, required=False, allow_blank=True, default="")
    geldig_van = serializers.DateField(required=False, allow_null=True, default=None)
    geldig_tot = serializers.DateField(required=False, allow_null=True, default=None)


def _valid(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise exceptions.ValidationError(serializer.errors)
    return serializer.validated_data


def _detail(user, casus) -> dict:
    pagina = selectors.casus_pagina(user=user, casus=casus)
    return CasusSerializer(
        {
            "casus": casus,
            "besluit_melden": pagina.besluit_melden,
            "besluit_regie": pagina.besluit_regie,
            "checklist": pagina.checklist,
            "volgende_fasen": pagina.volgende_fasen,
            "subjecten": pagina.subjecten,
            "signalen": pagina.signalen,
            "deelnemers": pagina.deelnemers,
        }
    ).data


# --- Endpoints ------------------------------------------------------------------------------------


class CasussenView(APIView):
    @extend_schema(
        summary="Casussen die je mag zien (nieuwste eerst)",
        tags=["casussen"],
        parameters=[PAGINA],
        responses={200: CasusPaginaSerializer, **problems(403)},
        operation_id="casussen_list",
    )
    def get(self, request):
        require(request.user, "casus.view", message="Je hebt geen toegang tot casussen.")
        page = selectors.casus_list(user=request.user, page=query_pagina(request))
        return Response(
            CasusPaginaSerializer(
                {
                    "pagina": page.number,
                    "volgende": page.number + 1 if page.has_next else None,
                    "resultaten": page.items,
                }
            ).data
        )

    @extend_schema(
        summary="Een casus openen uit signalen (aandachtsfunctionaris)",
        tags=["casussen"],
        request=CasusCreateSerializer,
        responses={201: CasusSerializer, **problems(403)},
        operation_id="casussen_create",
    )
    def post(self, request):
        require(request.user, "casus.create", object_type="casus")
        data = _valid(CasusCreateSerializer, request.data)
        casus = _call(services.casus_open, actor=request.user, **data)
        casus = selectors.casus_get(user=request.user, pk=casus.pk, log=False)
        return Response(
            _detail(request.user, casus),
            status=status.HTTP_201_CREATED,
            headers={"Location": f"/api/v1/casussen/{casus.pk}"},
        )


casussen = CasussenView.as_view()


class CasusDetailView(APIView):
    @extend_schema(
        summary="Eén casus (404 voor wie hem niet mag zien)",
        tags=["casussen"],
        responses={200: CasusSerializer},
        operation_id="casussen_retrieve",
    )
    def get(self, request, pk: int):
        casus = selectors.casus_get(user=request.user, pk=pk)
        return Response(_detail(request.user, casus))


casus_detail = CasusDetailView.as_view()


class CasusFaseView(APIView):
    @extend_schema(
        summary="De fase van een casus wijzigen (met de poort van verplichte punten)",
        tags=["casussen"],
        request=FaseWijzigenSerializer,
        responses={200: CasusSerializer, **problems(403, 409)},
        operation_id="casussen_fase",
    )
    def post(self, request, pk: int):
        casus = selectors.casus_get(user=request.user, pk=pk, log=False)
        data = _valid(FaseWijzigenSerializer, request.data)
        casus = _call(services.casus_fase_wijzigen, actor=request.user, casus=casus, **data)
        casus = selectors.casus_get(user=request.user, pk=pk, log=False)
        return Response(_detail(request.user, casus))


casus_fase = CasusFaseView.as_view()


class CasusBesluitenView(APIView):
    @extend_schema(
        summary="De besluiten van een casus, nieuwste eerst",
        tags=["casussen"],
        responses={200: BesluitSerializer(many=True), **problems(403)},
        operation_id="casussen_besluiten_list",
    )
    def get(self, request, pk: int):
        casus = selectors.casus_get(user=request.user, pk=pk)
        rows = Besluit.objects.filter(casus=casus).select_related("genomen_door", "regie_user")
        return Response(BesluitSerializer(rows, many=True).data)

    @extend_schema(
        summary="Een besluit vastleggen (o.a. 'gaan we melden?' en 'wie heeft de regie?')",
        tags=["casussen"],
        request=BesluitCreateSerializer,
        responses={201: BesluitSerializer, **problems(403)},
        operation_id="casussen_besluiten_create",
    )
    def post(self, request, pk: int):
        casus = selectors.casus_get(user=request.user, pk=pk, log=False)
        data = _valid(BesluitCreateSerializer, request.data)
        data["geldig_van"] = data["geldig_van"] or timezone.localdate()
        besluit = _call(services.besluit_vastleggen, actor=request.user, casus=casus, **data)
        return Response(BesluitSerializer(besluit).data, status=status.HTTP_201_CREATED)


casus_besluiten = CasusBesluitenView.as_view()
