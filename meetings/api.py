"""The meetings API: meetings with their agenda, documents and participants."""

from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from accounts import access
from meetings import selectors, services
from meetings.api_permissions import DelegatesAndISUStaff, PublicReadISUStaffWrite
from meetings.filters import MeetingDocumentFilter
from meetings.models import Meeting, MeetingDocument, Participant
from meetings.serializers import (
    MeetingDetailOutputSerializer,
    MeetingDocumentInputSerializer,
    MeetingDocumentOutputSerializer,
    MeetingInputSerializer,
    MeetingOutputSerializer,
    ParticipantDecisionInputSerializer,
    ParticipantInputSerializer,
    ParticipantOutputSerializer,
)


class MeetingViewSet(viewsets.GenericViewSet):
    """Meetings: public ones for everyone, all for signed-in users; ISU staff write."""

    permission_classes = [PublicReadISUStaffWrite]
    queryset = Meeting.objects.none()
    lookup_field = "short_name"
    lookup_value_regex = r"[A-Za-z0-9][A-Za-z0-9._-]*"

    def _visible(self, request):
        meetings = Meeting.objects.select_related("presidency")
        return meetings if access.is_signed_in(request.user) else meetings.filter(is_public=True)

    def _detail(self, meeting):
        meeting.agenda = selectors.agenda_numbered(meeting=meeting)
        return MeetingDetailOutputSerializer(meeting).data

    @extend_schema(
        parameters=[OpenApiParameter("kind", str), OpenApiParameter("year", int)],
        responses=MeetingOutputSerializer(many=True),
    )
    def list(self, request):
        meetings = self._visible(request).order_by("-start_date", "title")
        if request.query_params.get("kind"):
            meetings = meetings.filter(kind=request.query_params["kind"])
        year = request.query_params.get("year", "")
        if year.isdigit() and 1 <= int(year) <= 9999:  # a date's year: 0 would be a 500
            meetings = meetings.filter(start_date__year=int(year))
        page = self.paginate_queryset(meetings)
        return self.get_paginated_response(MeetingOutputSerializer(page, many=True).data)

    @extend_schema(responses=MeetingDetailOutputSerializer)
    def retrieve(self, request, short_name=None):
        return Response(
            self._detail(get_object_or_404(self._visible(request), short_name=short_name))
        )

    @extend_schema(request=MeetingInputSerializer, responses={201: MeetingDetailOutputSerializer})
    def create(self, request):
        serializer = MeetingInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = services.meeting_create(**serializer.validated_data)
        return Response(self._detail(meeting), status=status.HTTP_201_CREATED)

    @extend_schema(request=MeetingInputSerializer, responses=MeetingDetailOutputSerializer)
    def partial_update(self, request, short_name=None):
        meeting = get_object_or_404(Meeting, short_name=short_name)
        serializer = MeetingInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        meeting = services.meeting_update(meeting=meeting, **serializer.validated_data)
        return Response(self._detail(meeting))


def _document_url(request, document: MeetingDocument) -> str | None:
    if document.file:
        path = reverse("meetings:document-file", args=[document.meeting.short_name, document.pk])
    else:
        try:
            path = reverse(document.generated_url_name, args=document.generated_url_args)
        except NoReverseMatch:
            return None
    return request.build_absolute_uri(path)


class MeetingDocumentViewSet(viewsets.GenericViewSet):
    """Documents of meetings: public ones for everyone, restricted ones for signed-in users;
    ISU staff register them (multipart with a file, or a generated-document link)."""

    permission_classes = [PublicReadISUStaffWrite]
    queryset = MeetingDocument.objects.none()
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    filterset_class = MeetingDocumentFilter
    lookup_value_regex = r"\d+"

    def _visible(self, request):
        documents = MeetingDocument.objects.select_related("meeting", "parent")
        if not access.is_signed_in(request.user):
            documents = documents.filter(is_public=True, meeting__is_public=True)
        return documents

    def _output(self, request, value, *, many=False):
        return MeetingDocumentOutputSerializer(
            value, many=many, context={"url_for": lambda d: _document_url(request, d)}
        ).data

    @extend_schema(
        parameters=[OpenApiParameter("meeting", str, description="Short name, e.g. 13MSP")],
        responses=MeetingDocumentOutputSerializer(many=True),
    )
    def list(self, request):
        documents = self._visible(request)
        if request.query_params.get("meeting"):
            documents = documents.filter(meeting__short_name=request.query_params["meeting"])
        documents = self.filter_queryset(documents).order_by("meeting", "kind", "number", "pk")
        page = self.paginate_queryset(documents)
        return self.get_paginated_response(self._output(request, page, many=True))

    @extend_schema(responses=MeetingDocumentOutputSerializer)
    def retrieve(self, request, pk=None):
        return Response(self._output(request, get_object_or_404(self._visible(request), pk=pk)))

    @extend_schema(
        request={"multipart/form-data": MeetingDocumentInputSerializer},
        responses={201: MeetingDocumentOutputSerializer},
    )
    def create(self, request):
        serializer = MeetingDocumentInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        document = services.document_register(
            registered_by=request.user,
            file=data.pop("file", None),
            parent=data.pop("parent", None),
            generated_url_name=data.pop("generated_url_name", "").strip(),
            **data,
        )
        return Response(self._output(request, document), status=status.HTTP_201_CREATED)


class ParticipantViewSet(viewsets.GenericViewSet):
    """Registrations: ISU staff see and decide all; a delegate registers and sees only their
    own State's (another State's registration answers 404)."""

    permission_classes = [DelegatesAndISUStaff]
    queryset = Participant.objects.none()
    lookup_value_regex = r"\d+"

    def _visible(self, request):
        participants = Participant.objects.select_related("meeting", "state")
        if access.can_view_all_participants(request.user):
            return participants
        return participants.filter(state_id=access.delegate_state_id(request.user) or 0)

    @extend_schema(
        parameters=[
            OpenApiParameter("meeting", str, description="Short name, e.g. 13MSP"),
            OpenApiParameter("status", str),
        ],
        responses=ParticipantOutputSerializer(many=True),
    )
    def list(self, request):
        participants = self._visible(request).order_by("meeting", "state__name", "name", "pk")
        if request.query_params.get("meeting"):
            participants = participants.filter(meeting__short_name=request.query_params["meeting"])
        if request.query_params.get("status"):
            participants = participants.filter(status=request.query_params["status"])
        page = self.paginate_queryset(participants)
        return self.get_paginated_response(ParticipantOutputSerializer(page, many=True).data)

    @extend_schema(responses=ParticipantOutputSerializer)
    def retrieve(self, request, pk=None):
        return Response(
            ParticipantOutputSerializer(get_object_or_404(self._visible(request), pk=pk)).data
        )

    @extend_schema(request=ParticipantInputSerializer, responses={201: ParticipantOutputSerializer})
    def create(self, request):
        serializer = ParticipantInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        participant = services.participant_register(
            registered_by=request.user, **serializer.validated_data
        )
        return Response(
            ParticipantOutputSerializer(participant).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=ParticipantDecisionInputSerializer, responses=ParticipantOutputSerializer
    )
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        participant = get_object_or_404(self._visible(request), pk=pk)
        if not access.can_approve_participants(request.user):
            self.permission_denied(request, message="Only the ISU approves registrations.")
        serializer = ParticipantDecisionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        participant = services.participant_decide(
            participant=participant,
            status=serializer.validated_data["status"],
            decided_by=request.user,
        )
        return Response(ParticipantOutputSerializer(participant).data)
