"""DRF permission classes that defer to accounts.access."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts import access


class SignedInReadISUStaffWrite(BasePermission):
    """Any signed-in role reads; only ISU staff write."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return access.is_signed_in(request.user)
        return access.is_isu_staff(request.user)


class ISUStaffOnly(BasePermission):
    def has_permission(self, request, view):
        return access.is_isu_staff(request.user)
