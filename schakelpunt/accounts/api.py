"""API authentication and the caller's own account endpoint (`GET /api/v1/me`)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "schakelpunt.accounts.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <token>`; een token wordt uitgegeven met `manage.py create_user --api-token`.",
        }


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    department = serializers.CharField(allow_null=True)
    roles = serializers.ListField(child=serializers.CharField())


@extend_schema(
    responses=OpenApiResponse(MeSerializer, "Je eigen account."), summary="De ingelogde gebruiker", tags=["account"]
)
@api_view(["GET"])
def me(request):
    user = request.user
    data = {
        "username": user.username,
        "department": user.afdeling.naam if user.afdeling_id else None,
        "roles": sorted(user.role_codes),
    }
    return Response(MeSerializer(data).data)
