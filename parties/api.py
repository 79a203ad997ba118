from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.response import Response

from accounts import access
from accounts.api_permissions import SignedInReadISUStaffWrite
from parties import selectors, services
from parties.models import Contact, ParticipationStatus, Region, State
from parties.serializers import (
    ContactInputSerializer,
    ContactOutputSerializer,
    StateInputSerializer,
    StateOutputSerializer,
)


class StateViewSet(viewsets.ViewSet):
    """The States registry: read by any signed-in user, written by ISU staff."""

    permission_classes = [SignedInReadISUStaffWrite]
    lookup_field = "iso3"
    lookup_value_regex = "[A-Za-z]{3}"

    def _output(self, instance_or_list, *, many=False):
        return StateOutputSerializer(
            instance_or_list, many=many, context={"today": timezone.localdate()}
        ).data

    @extend_schema(
        parameters=[
            OpenApiParameter("status", enum=ParticipationStatus.values[:3]),
            OpenApiParameter("region", enum=Region.values),
            OpenApiParameter("q", str, description="Name contains"),
        ],
        responses=StateOutputSerializer(many=True),
    )
    def list(self, request):
        states = selectors.state_list(
            status=request.query_params.get("status", ""),
            region=request.query_params.get("region", ""),
            search=request.query_params.get("q", ""),
        )
        return Response(self._output(states, many=True))

    @extend_schema(responses=StateOutputSerializer)
    def retrieve(self, request, iso3=None):
        return Response(self._output(get_object_or_404(State, iso3=iso3.upper())))

    @extend_schema(request=StateInputSerializer, responses={201: StateOutputSerializer})
    def create(self, request):
        serializer = StateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        state = services.state_create(**serializer.validated_data)
        return Response(self._output(state), status=status.HTTP_201_CREATED)

    @extend_schema(request=StateInputSerializer, responses=StateOutputSerializer)
    def partial_update(self, request, iso3=None):
        state = get_object_or_404(State, iso3=iso3.upper())
        serializer = StateInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        state = services.state_update(state=state, **serializer.validated_data)
        return Response(self._output(state))


class ContactViewSet(viewsets.GenericViewSet):
    """Contacts: ISU staff read and write all; a delegate reads their own State's."""

    permission_classes = [SignedInReadISUStaffWrite]
    queryset = Contact.objects.none()  # documents the id type; rows come from _visible()
    # The list is a plain array (a State has a handful of contacts): no page envelope, and the
    # schema must say so (a GenericViewSet would otherwise be documented as paginated).
    pagination_class = None
    lookup_value_regex = r"\d+"

    def _visible(self, request):
        contacts = Contact.objects.select_related("state")
        if access.is_isu_staff(request.user):
            return contacts
        return contacts.filter(state_id=access.delegate_state_id(request.user) or 0)

    @extend_schema(
        parameters=[OpenApiParameter("state", str, description="ISO alpha-3 code")],
        responses=ContactOutputSerializer(many=True),
    )
    def list(self, request):
        contacts = self._visible(request)
        if request.query_params.get("state"):
            contacts = contacts.filter(state__iso3=request.query_params["state"].upper())
        return Response(ContactOutputSerializer(contacts, many=True).data)

    @extend_schema(responses=ContactOutputSerializer)
    def retrieve(self, request, pk=None):
        return Response(
            ContactOutputSerializer(get_object_or_404(self._visible(request), pk=pk)).data
        )

    @extend_schema(request=ContactInputSerializer, responses={201: ContactOutputSerializer})
    def create(self, request):
        serializer = ContactInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contact = services.contact_create(**serializer.validated_data)
        return Response(ContactOutputSerializer(contact).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ContactInputSerializer, responses=ContactOutputSerializer)
    def partial_update(self, request, pk=None):
        contact = get_object_or_404(self._visible(request), pk=pk)
        serializer = ContactInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        fields.pop("state", None)  # a contact does not move between States
        contact = services.contact_update(contact=contact, **fields)
        return Response(ContactOutputSerializer(contact).data)

    @extend_schema(responses={204: None})
    def destroy(self, request, pk=None):
        services.contact_delete(contact=get_object_or_404(self._visible(request), pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)
