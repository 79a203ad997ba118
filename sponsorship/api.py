"""The Sponsorship Programme API: applications, scores and decisions."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts import access
from meetings.api_permissions import DelegatesAndISUStaff
from sponsorship import services
from sponsorship.models import RequestedItem, SponsorshipApplication
from sponsorship.serializers import (
    ApplicationInputSerializer,
    ApplicationOutputSerializer,
    DecisionInputSerializer,
    ScoreInputSerializer,
)


class SponsorshipApplicationViewSet(viewsets.GenericViewSet):
    """Applications: ISU staff see, score and decide all; a delegate files and sees their own
    State's only (another State's answers 404)."""

    permission_classes = [DelegatesAndISUStaff]
    queryset = SponsorshipApplication.objects.none()
    lookup_value_regex = r"\d+"

    def _visible(self, request):
        applications = SponsorshipApplication.objects.select_related(
            "meeting", "state", "participant"
        ).prefetch_related(Prefetch("items", queryset=RequestedItem.objects.order_by("kind")))
        if access.can_manage_sponsorship(request.user):
            return applications
        return applications.filter(state_id=access.delegate_state_id(request.user) or 0)

    def _staff_only(self, request):
        if not access.can_manage_sponsorship(request.user):
            self.permission_denied(request, message="Only the ISU scores and decides.")

    @extend_schema(
        parameters=[OpenApiParameter("meeting", str, description="Short name, e.g. 13MSP")],
        responses=ApplicationOutputSerializer(many=True),
    )
    def list(self, request):
        applications = self._visible(request).order_by("meeting", "-score", "submitted_at", "pk")
        if request.query_params.get("meeting"):
            applications = applications.filter(meeting__short_name=request.query_params["meeting"])
        page = self.paginate_queryset(applications)
        return self.get_paginated_response(ApplicationOutputSerializer(page, many=True).data)

    @extend_schema(responses=ApplicationOutputSerializer)
    def retrieve(self, request, pk=None):
        application = get_object_or_404(self._visible(request), pk=pk)
        return Response(ApplicationOutputSerializer(application).data)

    @extend_schema(request=ApplicationInputSerializer, responses={201: ApplicationOutputSerializer})
    def create(self, request):
        serializer = ApplicationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        application = services.application_submit(
            participant=data["participant"],
            national_role=data["national_role"],
            is_survivor=data["is_survivor"],
            items=[(i["kind"], i["quantity"], i["estimate_chf"]) for i in data["items"]],
            submitted_by=request.user,
        )
        application = self._visible(request).get(pk=application.pk)
        return Response(
            ApplicationOutputSerializer(application).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=ScoreInputSerializer, responses=ApplicationOutputSerializer)
    @action(detail=True, methods=["post"])
    def score(self, request, pk=None):
        application = get_object_or_404(self._visible(request), pk=pk)
        self._staff_only(request)
        serializer = ScoreInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.score_adjust(
            application=application, adjusted_by=request.user, **serializer.validated_data
        )
        return Response(ApplicationOutputSerializer(self._visible(request).get(pk=pk)).data)

    @extend_schema(request=DecisionInputSerializer, responses=ApplicationOutputSerializer)
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        application = get_object_or_404(self._visible(request), pk=pk)
        self._staff_only(request)
        serializer = DecisionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.application_decide(
            application=application, decided_by=request.user, **serializer.validated_data
        )
        return Response(ApplicationOutputSerializer(self._visible(request).get(pk=pk)).data)
