"""The work plan API: plans (list, nested detail, create, update, delete, copy) and every part
(create, read, update with version, delete, move). Views are thin: services decide."""

from django.http import Http404
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from budget.selectors import budget_section
from isu_portal.errors import DomainError
from workplan import selectors, services
from workplan import serializers as s
from workplan.models import (
    Outcome,
    Output,
    Paragraph,
    PlanStatus,
    Section,
    SubSection,
    WorkPlan,
)
from workplan.parts import KINDS, PartKind

TAGS = ["work plans"]


class PlanReadISUStaffWrite(BasePermission):
    """Signed-in users read the plans they may see (others get 404); ISU staff write."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return access.is_signed_in(request.user)
        return access.is_isu_staff(request.user)


def _plan(request, year: int) -> WorkPlan:
    try:
        return selectors.plan_for_year(year=year, user=request.user)
    except WorkPlan.DoesNotExist as exc:
        raise Http404("No such work plan") from exc


class PlanFilter(filters.FilterSet):
    year = filters.NumberFilter()
    status = filters.ChoiceFilter(choices=PlanStatus.choices)

    class Meta:
        model = WorkPlan
        fields = ["year", "status"]


@extend_schema(tags=TAGS)
class PlanListView(generics.ListAPIView):
    """Plans the caller may read, newest first; filter by year and status."""

    permission_classes = [PlanReadISUStaffWrite]
    serializer_class = s.PlanOut
    filterset_class = PlanFilter

    def get_queryset(self):
        return selectors.plans_visible(user=self.request.user)

    @extend_schema(request=s.PlanCreateIn, responses={201: s.PlanOut}, tags=TAGS)
    def post(self, request):
        data = s.PlanCreateIn(data=request.data)
        data.is_valid(raise_exception=True)
        plan = services.plan_create(user=request.user, **data.validated_data)
        return Response(s.PlanOut(plan).data, status=status.HTTP_201_CREATED)


def _detail_response(plan: WorkPlan) -> Response:
    context = {
        "document": selectors.plan_document(plan=plan),
        "budget": budget_section(plan=plan),
    }
    return Response(s.PlanDetailOut(plan, context=context).data)


class PlanDetailView(APIView):
    """One plan with its whole nested structure, numbers and letters computed."""

    permission_classes = [PlanReadISUStaffWrite]

    @extend_schema(responses=s.PlanDetailOut, tags=TAGS, operation_id="workplans_retrieve")
    def get(self, request, year: int):
        return _detail_response(_plan(request, year))

    @extend_schema(
        request=s.PlanUpdateIn,
        responses=s.PlanDetailOut,
        tags=TAGS,
        operation_id="workplans_update",
    )
    def patch(self, request, year: int):
        plan = _plan(request, year)
        data = s.PlanUpdateIn(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        version = fields.pop("version")
        plan = services.plan_update(plan=plan, version=version, user=request.user, **fields)
        return _detail_response(plan)

    @extend_schema(responses={204: None}, tags=TAGS, operation_id="workplans_destroy")
    def delete(self, request, year: int):
        services.plan_delete(plan=_plan(request, year), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PlanCopyView(APIView):
    """Creates the next year's draft as a copy of this plan's whole structure."""

    permission_classes = [PlanReadISUStaffWrite]

    @extend_schema(request=None, responses={201: s.PlanOut}, tags=TAGS)
    def post(self, request, year: int):
        plan = services.plan_copy_to_next_year(source=_plan(request, year), user=request.user)
        return Response(s.PlanOut(plan).data, status=status.HTTP_201_CREATED)


# --- parts -----------------------------------------------------------------------------------


def _in_plan(model, pk, plan: WorkPlan, path: str, label: str):
    if pk is None:
        return None
    try:
        return model.objects.get(pk=pk, **{path: plan})
    except model.DoesNotExist as exc:
        raise DomainError(f"There is no {label} {pk} in the {plan.year} plan.") from exc


def _create_args(kind: PartKind, plan: WorkPlan, data: dict) -> dict:
    """The parent and extra arguments of `services.part_create`, checked to be in `plan`."""
    extra = {}
    if kind.taggable:
        extra = {k: data[k] for k in ("articles", "lap_actions") if k in data}
    if kind.slug == "paragraph":
        subsection = _in_plan(
            SubSection, data.get("subsection"), plan, "section__plan", "sub-section"
        )
        section = _in_plan(Section, data["section"], plan, "plan", "section")
        parent = subsection or section
        if subsection is not None and subsection.section_id != section.pk:
            raise DomainError("That sub-section belongs to another section.")
    elif kind.slug == "item":
        parent = _in_plan(Paragraph, data["paragraph"], plan, "section__plan", "paragraph")
    elif kind.slug == "output":
        parent = _in_plan(Outcome, data["outcome"], plan, "plan", "outcome")
    elif kind.slug == "activity":
        parent = _in_plan(Output, data["output"], plan, "outcome__plan", "output")
    elif kind.slug == "summary":
        parent, extra = plan, {"summary_kind": data["kind"]}
    else:
        parent = plan
    return {"parent": parent, **extra}


def _part_views(kind: PartKind, new_in, update_in, out):
    plural = {"activity": "activities", "summary": "summary-items"}.get(kind.slug, kind.slug + "s")
    name = kind.label.replace(" ", "_")

    def get_part(request, year, pk):
        plan = _plan(request, year)
        try:
            return kind.model.objects.get(pk=pk, **{kind.plan_path: plan})
        except kind.model.DoesNotExist as exc:
            raise Http404(f"No such {kind.label} in this plan") from exc

    def output(part):
        return out(part).data

    class CreateView(APIView):
        permission_classes = [PlanReadISUStaffWrite]

        @extend_schema(
            request=new_in,
            responses={201: out},
            tags=TAGS,
            operation_id=f"workplans_{name}_create",
            summary=f"Add a {kind.label}",
        )
        def post(self, request, year: int):
            plan = _plan(request, year)
            data = new_in(data=request.data)
            data.is_valid(raise_exception=True)
            values = dict(data.validated_data)
            part = services.part_create(
                kind=kind,
                text=values["text"],
                position=values.get("position"),
                user=request.user,
                **_create_args(kind, plan, values),
            )
            return Response(output(part), status=status.HTTP_201_CREATED)

    class DetailView(APIView):
        permission_classes = [PlanReadISUStaffWrite]

        @extend_schema(responses=out, tags=TAGS, operation_id=f"workplans_{name}_retrieve")
        def get(self, request, year: int, pk: int):
            return Response(output(get_part(request, year, pk)))

        @extend_schema(
            request=update_in,
            responses=out,
            tags=TAGS,
            operation_id=f"workplans_{name}_update",
            summary=f"Change a {kind.label}'s text (refused if `version` is stale)",
        )
        def patch(self, request, year: int, pk: int):
            part = get_part(request, year, pk)
            data = update_in(data=request.data)
            data.is_valid(raise_exception=True)
            part = services.part_update(part=part, user=request.user, **data.validated_data)
            return Response(output(part))

        @extend_schema(
            parameters=[
                OpenApiParameter(
                    "version", int, description="The version you saw; refused if stale."
                )
            ],
            responses={204: None},
            tags=TAGS,
            operation_id=f"workplans_{name}_destroy",
        )
        def delete(self, request, year: int, pk: int):
            part = get_part(request, year, pk)
            version = request.query_params.get("version")
            if version is not None and not version.isdigit():
                raise DomainError("The version must be a number.", field="version")
            services.part_delete(
                part=part, user=request.user, version=int(version) if version else None
            )
            return Response(status=status.HTTP_204_NO_CONTENT)

    class MoveView(APIView):
        permission_classes = [PlanReadISUStaffWrite]

        @extend_schema(
            request=s.MoveIn,
            responses=out,
            tags=TAGS,
            operation_id=f"workplans_{name}_move",
            summary=f"Move a {kind.label} to another position among its neighbours",
        )
        def post(self, request, year: int, pk: int):
            part = get_part(request, year, pk)
            data = s.MoveIn(data=request.data)
            data.is_valid(raise_exception=True)
            part = services.part_move(part=part, user=request.user, **data.validated_data)
            return Response(output(part))

    for view in (CreateView, DetailView, MoveView):
        view.__name__ = f"{kind.model.__name__}{view.__name__}"
        view.__qualname__ = view.__name__
    return plural, CreateView, DetailView, MoveView


PART_VIEWS = [
    _part_views(KINDS["paragraph"], s.ParagraphNewIn, s.UpdateIn, s.PartOut),
    _part_views(KINDS["item"], s.LetteredItemNewIn, s.TaggedUpdateIn, s.TaggedPartOut),
    _part_views(KINDS["outcome"], s.OutcomeNewIn, s.UpdateIn, s.PartOut),
    _part_views(KINDS["output"], s.OutputNewIn, s.UpdateIn, s.PartOut),
    _part_views(KINDS["activity"], s.ActivityNewIn, s.TaggedUpdateIn, s.TaggedPartOut),
    _part_views(KINDS["summary"], s.SummaryItemNewIn, s.UpdateIn, s.PartOut),
]
