"""The budget API under /api/budgets/<year>/: reads follow the plan's visibility (a plan the
user may not see is a 404), writes need the plan's edit right (ISU staff, drafts only). Every
write calls a service; a DomainError (bad input, stale version, derived line) is a 400 with
its message and changes nothing."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from budget import selectors, services
from budget.formatting import format_chf
from budget.models import (
    BudgetEnvelope,
    BudgetNote,
    BudgetParameters,
    CostLine,
    InKindContribution,
    NoteKind,
    StaffPosition,
)
from budget.serializers import (
    BudgetDetailSerializer,
    BudgetNoteCreateSerializer,
    BudgetNoteMoveSerializer,
    BudgetNoteOutputSerializer,
    BudgetNoteUpdateSerializer,
    BudgetSummarySerializer,
    CostLineCreateSerializer,
    CostLineOutputSerializer,
    CostLineUpdateSerializer,
    EnvelopeInputSerializer,
    EnvelopeSerializer,
    InKindCreateSerializer,
    InKindOutputSerializer,
    InKindUpdateSerializer,
    ParametersInputSerializer,
    ParametersOutputSerializer,
    StaffPositionCreateSerializer,
    StaffPositionOutputSerializer,
    StaffPositionUpdateSerializer,
)
from workplan.models import PlanStatus, WorkPlan

YEAR = OpenApiParameter("year", int, OpenApiParameter.PATH, description="The year the plan covers")
ITEM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The item's id")
VERSION = OpenApiParameter(
    "version", int, OpenApiParameter.QUERY, description="The version you read (refused if stale)"
)


class PlanBudgetPermission(BasePermission):
    """The plan's rules: read what can_view_budget allows (404 otherwise, so an unseen draft
    does not even exist), write what can_edit_budget allows (403)."""

    def has_permission(self, request, view):
        year = view.kwargs.get("year")
        if year is None:
            return request.method in SAFE_METHODS
        plan = WorkPlan.objects.filter(year=year).first()
        if plan is None or not access.can_view_budget(request.user, plan):
            raise NotFound("No such budget.")
        view.plan = plan
        if request.method in SAFE_METHODS:
            return True
        return access.can_edit_budget(request.user, plan)


class EnvelopePermission(BasePermission):
    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return access.can_edit_budget_envelope(request.user)


def _summary(plan, total) -> dict:
    return {
        "year": plan.year,
        "title": plan.title,
        "status": plan.status,
        "total": total,
        "total_chf": format_chf(total),
    }


class BudgetViewSet(viewsets.ViewSet):
    """Budgets: one per work plan, with its total (the plan's summary figure)."""

    permission_classes = [PlanBudgetPermission]

    @extend_schema(
        parameters=[
            OpenApiParameter("year", int, description="Only this year"),
            OpenApiParameter("status", str, enum=PlanStatus.values, description="Only this status"),
        ],
        responses=BudgetSummarySerializer(many=True),
    )
    def list(self, request):
        plans = WorkPlan.objects.order_by("year")
        if request.query_params.get("year", "").isdigit():
            plans = plans.filter(year=int(request.query_params["year"]))
        if request.query_params.get("status"):
            plans = plans.filter(status=request.query_params["status"])
        plans = [p for p in plans if access.can_view_budget(request.user, p)]
        totals = selectors.budget_totals(plans=plans)
        return Response(
            BudgetSummarySerializer([_summary(p, totals[p.pk]) for p in plans], many=True).data
        )

    @extend_schema(parameters=[YEAR], responses=BudgetDetailSerializer)
    def retrieve(self, request, year=None):
        plan = self.plan
        previous = selectors.previous_plan(plan=plan)
        if previous is not None and not access.can_view_budget(request.user, previous):
            previous = None
        page = selectors.budget_page(plan=plan, previous=previous)
        data = {
            **_summary(plan, page["total"]),
            "previous_year": previous.year if previous else None,
            "previous_total": page["previous_total"],
            "total_variance": page["total_variance"],
            "total_variance_percent": page["total_variance_percent"],
            "comparison": page["rows"],
            "lines": page["lines"],
            "positions": page["positions"],
            "in_kind": page["in_kind"],
            "notes": page["notes"],
            "assumptions": page["assumptions"],
            "parameters": page["parameters"],
        }
        return Response(BudgetDetailSerializer(data, context={"derived": page["derived"]}).data)


@extend_schema(parameters=[YEAR])
class ParametersView(APIView):
    """The social charges rate and the travel plan of a budget."""

    permission_classes = [PlanBudgetPermission]

    @extend_schema(responses=ParametersOutputSerializer)
    def get(self, request, year=None):
        parameters = BudgetParameters.objects.filter(plan=self.plan).first()
        if parameters is None:
            raise Http404("This budget has no parameters yet.")
        return Response(ParametersOutputSerializer(parameters).data)

    @extend_schema(request=ParametersInputSerializer, responses=ParametersOutputSerializer)
    def put(self, request, year=None):
        serializer = ParametersInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        parameters = services.budget_parameters_update(
            plan=self.plan,
            social_charges_rate=data["social_charges_rate"],
            long_haul_flights=data["long_haul_flights"],
            short_or_medium_haul_flights=data["short_or_medium_haul_flights"],
            flight_class=data["flight_class"],
            expected_version=data.get("version"),
        )
        return Response(ParametersOutputSerializer(parameters).data)


class _ItemViewSet(viewsets.ViewSet):
    """List, add, read, change and remove one kind of budget item of a plan."""

    permission_classes = [PlanBudgetPermission]
    model: type
    output_serializer: type

    def _items(self):
        return self.model.objects.filter(plan=self.plan).order_by("position", "id")

    def _context(self) -> dict:
        return {}

    def _output(self, data, *, many=False):
        return self.output_serializer(data, many=many, context=self._context()).data

    def _get(self, pk):
        return get_object_or_404(self.model, plan=self.plan, pk=pk)

    def list(self, request, year=None):
        return Response(self._output(self._items(), many=True))

    def retrieve(self, request, year=None, pk=None):
        return Response(self._output(self._get(pk)))

    def _version(self, request) -> int | None:
        value = request.query_params.get("version")
        try:
            return int(value) if value is not None else None
        except ValueError:
            from isu_portal.errors import DomainError

            raise DomainError(f"version {value!r} is not a number.") from None


def _item_schema(output, create_input, update_input):
    return extend_schema_view(
        list=extend_schema(parameters=[YEAR], responses=output(many=True)),
        create=extend_schema(parameters=[YEAR], request=create_input, responses={201: output}),
        retrieve=extend_schema(parameters=[YEAR, ITEM], responses=output),
        partial_update=extend_schema(
            parameters=[YEAR, ITEM], request=update_input, responses=output
        ),
        destroy=extend_schema(parameters=[YEAR, ITEM, VERSION], responses={204: None}),
    )


@_item_schema(CostLineOutputSerializer, CostLineCreateSerializer, CostLineUpdateSerializer)
class CostLineViewSet(_ItemViewSet):
    """Cost lines of section VI; Salaries (when every position is costed) and Social charges
    (when a rate is set) are computed and refuse a typed amount."""

    model = CostLine
    output_serializer = CostLineOutputSerializer

    def _context(self):
        return {"derived": services.derived_categories(plan=self.plan)}

    def create(self, request, year=None):
        serializer = CostLineCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        line = services.cost_line_create(plan=self.plan, **serializer.validated_data)
        return Response(self._output(line), status=status.HTTP_201_CREATED)

    def partial_update(self, request, year=None, pk=None):
        line = self._get(pk)
        serializer = CostLineUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        line = services.cost_line_update(
            line=line,
            amount=data.get("amount", line.amount),
            note=data.get("note", line.note),
            expected_version=data["version"],
        )
        return Response(self._output(line))

    def destroy(self, request, year=None, pk=None):
        services.cost_line_delete(line=self._get(pk), expected_version=self._version(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


@_item_schema(
    StaffPositionOutputSerializer, StaffPositionCreateSerializer, StaffPositionUpdateSerializer
)
class StaffPositionViewSet(_ItemViewSet):
    """The ISU's positions: share of time and, where known, yearly cost."""

    model = StaffPosition
    output_serializer = StaffPositionOutputSerializer

    def create(self, request, year=None):
        serializer = StaffPositionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        position = services.staff_position_create(plan=self.plan, **serializer.validated_data)
        return Response(self._output(position), status=status.HTTP_201_CREATED)

    def partial_update(self, request, year=None, pk=None):
        position = self._get(pk)
        serializer = StaffPositionUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        position = services.staff_position_update(
            position=position,
            title=data.get("title", position.title),
            share_of_time=data.get("share_of_time", position.share_of_time),
            annual_cost=data.get("annual_cost", position.annual_cost),
            expected_version=data["version"],
        )
        return Response(self._output(position))

    def destroy(self, request, year=None, pk=None):
        services.staff_position_delete(
            position=self._get(pk), expected_version=self._version(request)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


@_item_schema(InKindOutputSerializer, InKindCreateSerializer, InKindUpdateSerializer)
class InKindViewSet(_ItemViewSet):
    """Contributions in kind, listed with no amount."""

    model = InKindContribution
    output_serializer = InKindOutputSerializer

    def create(self, request, year=None):
        serializer = InKindCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.in_kind_create(plan=self.plan, **serializer.validated_data)
        return Response(self._output(item), status=status.HTTP_201_CREATED)

    def partial_update(self, request, year=None, pk=None):
        item = self._get(pk)
        serializer = InKindUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        item = services.in_kind_update(
            contribution=item,
            item=data.get("item", item.item),
            provider=data.get("provider", item.provider),
            description=data.get("description", item.description),
            expected_version=data["version"],
        )
        return Response(self._output(item))

    def destroy(self, request, year=None, pk=None):
        services.in_kind_delete(contribution=self._get(pk), expected_version=self._version(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


KIND = OpenApiParameter("kind", str, enum=NoteKind.values, description="Only notes or assumptions")


@extend_schema_view(
    list=extend_schema(parameters=[YEAR, KIND], responses=BudgetNoteOutputSerializer(many=True)),
    create=extend_schema(
        parameters=[YEAR],
        request=BudgetNoteCreateSerializer,
        responses={201: BudgetNoteOutputSerializer},
    ),
    retrieve=extend_schema(parameters=[YEAR, ITEM], responses=BudgetNoteOutputSerializer),
    partial_update=extend_schema(
        parameters=[YEAR, ITEM],
        request=BudgetNoteUpdateSerializer,
        responses=BudgetNoteOutputSerializer,
    ),
    destroy=extend_schema(parameters=[YEAR, ITEM, VERSION], responses={204: None}),
)
class BudgetNoteViewSet(_ItemViewSet):
    """Budget notes and assumptions, each an ordered list."""

    model = BudgetNote
    output_serializer = BudgetNoteOutputSerializer

    def _items(self):
        items = BudgetNote.objects.filter(plan=self.plan).order_by("kind", "position", "id")
        kind = self.request.query_params.get("kind")
        return items.filter(kind=kind) if kind else items

    def create(self, request, year=None):
        serializer = BudgetNoteCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        note = services.budget_note_create(plan=self.plan, **serializer.validated_data)
        return Response(self._output(note), status=status.HTTP_201_CREATED)

    def partial_update(self, request, year=None, pk=None):
        note = self._get(pk)
        serializer = BudgetNoteUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        note = services.budget_note_update(
            note=note, text=data["text"], expected_version=data["version"]
        )
        return Response(self._output(note))

    def destroy(self, request, year=None, pk=None):
        services.budget_note_delete(note=self._get(pk), expected_version=self._version(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        parameters=[YEAR, ITEM],
        request=BudgetNoteMoveSerializer,
        responses=BudgetNoteOutputSerializer,
    )
    def move(self, request, year=None, pk=None):
        serializer = BudgetNoteMoveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        note = services.budget_note_move(
            note=self._get(pk),
            to=serializer.validated_data["to"],
            expected_version=serializer.validated_data["version"],
        )
        return Response(self._output(note))


class EnvelopeViewSet(viewsets.ViewSet):
    """The six-year plan's figure per year (CCM/CONF/2020/Rev.1), entered by ISU staff."""

    permission_classes = [EnvelopePermission]

    @extend_schema(responses=EnvelopeSerializer(many=True))
    def list(self, request):
        return Response(EnvelopeSerializer(BudgetEnvelope.objects.all(), many=True).data)

    @extend_schema(request=EnvelopeInputSerializer, responses={200: EnvelopeSerializer, 204: None})
    def create(self, request):
        serializer = EnvelopeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        envelope = services.budget_envelope_set(
            year=data["year"],
            amount=data["amount"],
            source=data["source"],
            expected_version=data["version"],
        )
        if envelope is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(EnvelopeSerializer(envelope).data)
