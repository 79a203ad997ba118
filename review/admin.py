"""The review's records are written only by its services: the admin shows them read-only."""

from django.contrib import admin

from review.models import Comment, NoticeDelivery, PlanVersion, ReviewDecision, Transition


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PlanVersion)
class PlanVersionAdmin(ReadOnlyAdmin):
    list_display = ["plan", "number", "content_hash", "created_at", "created_by"]
    list_filter = ["plan"]


@admin.register(Transition)
class TransitionAdmin(ReadOnlyAdmin):
    list_display = ["plan", "action", "from_status", "to_status", "version", "actor_name", "at"]
    list_filter = ["plan", "action"]


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(ReadOnlyAdmin):
    list_display = ["version", "member", "decision", "at"]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["plan", "anchor_label", "author", "created_at", "resolved_at"]
    list_filter = ["plan"]


@admin.register(NoticeDelivery)
class NoticeDeliveryAdmin(ReadOnlyAdmin):
    list_display = ["event_key", "recipient", "subject", "claimed_at"]
    search_fields = ["event_key", "recipient"]
