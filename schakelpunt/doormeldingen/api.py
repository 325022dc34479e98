"""`POST /api/v1/doormeldingen` (compose a concept) and `GET /api/v1/doormeldingen/{id}` (with the document)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import api_view
from rest_framework.response import Response

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import fetch
from schakelpunt.doormeldingen import document, selectors, services
from schakelpunt.doormeldingen.constants import PERSOON_VELDEN, SIGNAAL_VELDEN, Markering, Status
from schakelpunt.doormeldingen.models import Grondslag, Ketenpartner

VELDEN = [*PERSOON_VELDEN, *SIGNAAL_VELDEN, document.MELDER_VELD]


class MarkeringSerializer(serializers.Serializer):
    tlp = serializers.ChoiceField(choices=Markering.choices)
    uitleg = serializers.CharField()
    bron_niet_noemen = serializers.BooleanField()
    toegestaan_gebruik = serializers.CharField()
    geldig_tot = serializers.DateField()


class DocumentPersoonSerializer(serializers.Serializer):
    ref = serializers.CharField(help_text="P1, P2, ...: geen nummer uit Schakelpunt.")
    naam = serializers.CharField(required=False)
    geboortedatum = serializers.CharField(required=False)
    adres = serializers.CharField(required=False)
    bsn = serializers.CharField(required=False)


class DocumentBijlageSerializer(serializers.Serializer):
    naam = serializers.CharField(help_text="Neutrale naam; de oorspronkelijke bestandsnaam gaat nooit mee.")
    type = serializers.CharField()
    grootte = serializers.IntegerField()


class DocumentSignaalSerializer(serializers.Serializer):
    ref = serializers.CharField()
    datum = serializers.DateField(required=False)
    fenomenen = serializers.ListField(child=serializers.CharField(), required=False)
    indicatoren = serializers.ListField(child=serializers.CharField(), required=False)
    omschrijving = serializers.CharField(required=False)
    melder = serializers.CharField(required=False, help_text="Alleen als de melder bij dit signaal toestemming gaf.")
    bijlagen = DocumentBijlageSerializer(many=True, required=False)


class DoormeldingDocumentSerializer(serializers.Serializer):
    """The referral document as a partner receives it (also inside the PDF)."""

    nummer = serializers.CharField()
    afzender = serializers.CharField()
    ontvanger = serializers.CharField()
    markering = MarkeringSerializer()
    grondslag = inline_serializer(
        "DocumentGrondslag", {"naam": serializers.CharField(), "artikel": serializers.CharField()}
    )
    verwerking = serializers.CharField()
    reden = serializers.CharField()
    verstuurd_op = serializers.DateTimeField(required=False)
    personen = DocumentPersoonSerializer(many=True)
    signalen = DocumentSignaalSerializer(many=True)


class DoormeldingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nummer = serializers.CharField()
    partner = serializers.CharField(source="partner.code")
    status = serializers.ChoiceField(choices=Status.choices)
    markering = serializers.ChoiceField(choices=Markering.choices)
    casus = serializers.IntegerField(source="casus_id", allow_null=True)
    signaal = serializers.IntegerField(source="signaal_id", allow_null=True)
    verstuurd_op = serializers.DateTimeField(allow_null=True)
    document_hash = serializers.CharField(help_text="SHA-256 van het vastgelegde document; leeg voor een concept.")
    document = DoormeldingDocumentSerializer(help_text="Het document zoals de partner het ontvangt (of zal ontvangen).")


class DoormeldingCreateSerializer(serializers.Serializer):
    partner = serializers.SlugRelatedField(slug_field="code", queryset=Ketenpartner.objects.filter(actief=True))
    grondslag = serializers.SlugRelatedField(slug_field="code", queryset=Grondslag.objects.all())
    verwerking = serializers.CharField(max_length=200, default="Doormelden aan een ketenpartner")
    reden = serializers.CharField(max_length=4000)
    markering = serializers.ChoiceField(choices=Markering.choices)
    toegestaan_gebruik = serializers.CharField(max_length=2000)
    geldig_tot = serializers.DateField()
    casus = serializers.IntegerField(required=False, min_value=1, max_value=2**62)
    signaal = serializers.IntegerField(required=False, min_value=1, max_value=2**62)
    personen = serializers.DictField(
        child=serializers.ListField(child=serializers.ChoiceField(choices=list(PERSOON_VELDEN)), max_length=10),
        required=False,
        help_text="Persoonsnummer -> velden die meegaan.",
    )
    signalen = serializers.DictField(
        child=serializers.ListField(child=serializers.ChoiceField(choices=VELDEN), max_length=10),
        required=False,
        help_text="Signaalnummer -> velden die meegaan.",
    )
    bijlagen = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**62), required=False, max_length=50
    )


def _data(d) -> dict:
    inhoud = d.document if d.status != Status.CONCEPT else document.opstellen(d)
    return DoormeldingSerializer(
        {
            **{
                f: getattr(d, f)
                for f in (
                    "id",
                    "nummer",
                    "partner",
                    "status",
                    "markering",
                    "casus_id",
                    "signaal_id",
                    "verstuurd_op",
                    "document_hash",
                )
            },
            "document": inhoud,
        }
    ).data


@extend_schema(
    summary="Een doormelding opstellen (concept; versturen gebeurt in Schakelpunt met herauthenticatie)",
    tags=["doormeldingen"],
    request=DoormeldingCreateSerializer,
    responses={201: DoormeldingSerializer},
    operation_id="doormeldingen_create",
)
@api_view(["POST"])
def doormeldingen(request):
    from schakelpunt.casussen.models import Casus
    from schakelpunt.signalen.models import Signaal

    require(request.user, "doormelding.opstellen", message="Je hebt geen toegang tot doormeldingen.")
    serializer = DoormeldingCreateSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    casus = signaal = None
    if data.get("casus"):
        casus, _ = fetch(request.user, "casus.regie", Casus.objects.all(), data["casus"], object_type="casus")
    if data.get("signaal"):
        signaal, _ = fetch(
            request.user, "signaal.triage", Signaal.objects.all(), data["signaal"], object_type="signaal"
        )
    selectie = {
        "personen": data.pop("personen", {}),
        "signalen": data.pop("signalen", {}),
        "bijlagen": data.pop("bijlagen", []),
    }
    data.pop("casus", None)
    data.pop("signaal", None)
    try:
        d = services.doormelding_opstellen(actor=request.user, selectie=selectie, casus=casus, signaal=signaal, **data)
    except DjangoValidationError as exc:
        raise exceptions.ValidationError(exc.message_dict) from None
    return Response(_data(d), status=status.HTTP_201_CREATED, headers={"Location": f"/api/v1/doormeldingen/{d.pk}"})


@extend_schema(
    summary="Eén doormelding met haar document (404 voor wie haar niet mag zien)",
    tags=["doormeldingen"],
    responses={200: DoormeldingSerializer},
    operation_id="doormeldingen_retrieve",
)
@api_view(["GET"])
def doormelding_detail(request, pk: int):
    return Response(_data(selectors.doormelding_get(user=request.user, pk=pk)))
