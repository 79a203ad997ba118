"""DRF permission classes of the meetings API; each defers to accounts.access."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts import access


class PublicReadISUStaffWrite(BasePermission):
    """Public meetings and documents are read by anyone (the querysets hide the rest); only
    ISU staff write."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return access.can_edit_meetings(request.user)


class DelegatesAndISUStaff(BasePermission):
    """Participants and applications: ISU staff, and delegates for their own State (the
    querysets limit a delegate to their State's rows, so another State's answer 404)."""

    def has_permission(self, request, view):
        return (
            access.is_isu_staff(request.user) or access.delegate_state_id(request.user) is not None
        )


class ISUStaffOnly(BasePermission):
    def has_permission(self, request, view):
        return access.is_isu_staff(request.user)
