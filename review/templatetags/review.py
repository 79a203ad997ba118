from django import template

from accounts import access
from review import selectors

register = template.Library()


@register.inclusion_tag("review/_status_box.html", takes_context=True)
def review_status_box(context, plan):
    """The plan page's workflow box: status, versions, endorsement, deadline countdown. Staff
    and the Committee see the review's details; everyone else only the status and dates."""
    user = context["request"].user
    insider = access.can_view_review(user, plan)
    return {
        "plan": plan,
        "insider": insider,
        "review": selectors.review_status(plan=plan, user=user) if insider else None,
        "deadline": selectors.circulation_deadline(plan),
    }
