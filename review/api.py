"""The review API: status and workflow actions, versions, redline, comments and the
"awaiting my review" list, with the same rules as the pages (outsiders get 404)."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from isu_portal.errors import DomainError
from review import selectors, services
from review import serializers as s
from review.models import Comment, PlanVersion
from workplan.models import WorkPlan
from workplan.selectors import plan_for_year

TAGS = ["review"]


class ReviewersOnly(BasePermission):
    """ISU staff and Committee members; for anyone else the review does not exist (404)."""

    def has_permission(self, request, view):
        if not access.can_view_review(request.user):
            raise Http404
        return True


def _plan(request, year: int) -> WorkPlan:
    try:
        return plan_for_year(year=year, user=request.user)
    except WorkPlan.DoesNotExist as exc:
        raise Http404("No such work plan") from exc


class ReviewStatusView(APIView):
    """The plan's review status, the actions the caller may take and the audit trail."""

    permission_classes = [ReviewersOnly]

    @extend_schema(responses=s.ReviewStatusOut, tags=TAGS)
    def get(self, request, year: int):
        review = selectors.review_status(plan=_plan(request, year), user=request.user)
        return Response(s.ReviewStatusOut(review).data)


class TransitionView(APIView):
    """Fires one workflow step: submit, request_changes, revise, endorse, reopen, circulate,
    approve. A step the caller may not take now is refused with 400 and changes nothing."""

    permission_classes = [ReviewersOnly]

    @extend_schema(request=s.TransitionIn, responses={201: s.TransitionOut}, tags=TAGS)
    def post(self, request, year: int, action: str):
        plan = _plan(request, year)
        data = s.TransitionIn(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.plan_transition(
            plan=plan, user=request.user, action=action, **data.validated_data
        )
        return Response(s.TransitionOut(entry).data, status=status.HTTP_201_CREATED)


class VersionListView(APIView):
    permission_classes = [ReviewersOnly]

    @extend_schema(responses=s.VersionOut(many=True), tags=TAGS)
    def get(self, request, year: int):
        versions = selectors.versions_of(plan=_plan(request, year))
        return Response(s.VersionOut(versions, many=True).data)


class VersionDetailView(APIView):
    permission_classes = [ReviewersOnly]

    @extend_schema(responses=s.VersionDetailOut, tags=TAGS)
    def get(self, request, year: int, number: int):
        try:
            version = selectors.version(plan=_plan(request, year), number=number)
        except PlanVersion.DoesNotExist as exc:
            raise Http404("No such version") from exc
        return Response(s.VersionDetailOut(version).data)


class RedlineView(APIView):
    """The changed passages between two versions, with word-level insertions and deletions."""

    permission_classes = [ReviewersOnly]

    @extend_schema(
        parameters=[
            OpenApiParameter("old", int, required=True),
            OpenApiParameter("new", int, required=True),
        ],
        responses=s.RedlineOut,
        tags=TAGS,
    )
    def get(self, request, year: int):
        plan = _plan(request, year)
        query = s.RedlineQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            result = selectors.redline_between(plan=plan, **query.validated_data)
        except PlanVersion.DoesNotExist as exc:
            raise Http404("No such version") from exc
        return Response(s.RedlineOut(result).data)


def _comment_rows(plan):
    kinds = selectors.anchor_kinds()
    rows = []
    for thread in selectors.comment_threads(plan=plan):
        for comment in [thread, *thread.reply_list]:
            comment.anchor_ref = selectors.anchor_value(comment, kinds)
            rows.append(comment)
    return rows


class CommentListView(APIView):
    """Comments (threads in order, each followed by its replies); post a comment or a reply."""

    permission_classes = [ReviewersOnly]

    @extend_schema(responses=s.CommentOut(many=True), tags=TAGS)
    def get(self, request, year: int):
        return Response(s.CommentOut(_comment_rows(_plan(request, year)), many=True).data)

    @extend_schema(request=s.CommentIn, responses={201: s.CommentOut}, tags=TAGS)
    def post(self, request, year: int):
        plan = _plan(request, year)
        data = s.CommentIn(data=request.data)
        data.is_valid(raise_exception=True)
        parent = None
        if data.validated_data["parent"]:
            parent = Comment.objects.filter(plan=plan, pk=data.validated_data["parent"]).first()
            if parent is None:
                raise DomainError("There is no such comment on this plan.", field="parent")
        try:
            anchor, label = selectors.anchor_resolve(plan=plan, value=data.validated_data["anchor"])
        except (LookupError, ValueError) as exc:
            raise DomainError(
                f"{data.validated_data['anchor']!r} is not a part of the {plan.year} plan.",
                field="anchor",
            ) from exc
        comment = services.comment_add(
            plan=plan,
            user=request.user,
            body=data.validated_data["body"],
            anchor=anchor,
            anchor_label=label,
            parent=parent,
        )
        comment.anchor_ref = selectors.anchor_value(comment, selectors.anchor_kinds())
        return Response(s.CommentOut(comment).data, status=status.HTTP_201_CREATED)


class CommentResolveView(APIView):
    permission_classes = [ReviewersOnly]

    @extend_schema(request=None, responses=s.CommentOut, tags=TAGS)
    def post(self, request, year: int, pk: int):
        plan = _plan(request, year)
        comment = Comment.objects.filter(plan=plan, pk=pk).first()
        if comment is None:
            raise Http404("No such comment")
        comment = services.comment_resolve(comment=comment, user=request.user)
        comment.anchor_ref = selectors.anchor_value(comment, selectors.anchor_kinds())
        return Response(s.CommentOut(comment).data)


class AwaitingView(APIView):
    """Plans under review whose current version the caller (a Committee member) has not yet
    endorsed or requested changes on."""

    permission_classes = [ReviewersOnly]

    @extend_schema(responses=s.AwaitingOut(many=True), tags=TAGS)
    def get(self, request):
        return Response(s.AwaitingOut(selectors.awaiting_review(user=request.user), many=True).data)
