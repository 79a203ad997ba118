from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "state",
        "is_staff",
        "is_active",
    ]
    list_filter = ["groups", "is_staff", "is_active", "state__region"]
    list_select_related = ["state"]
    autocomplete_fields = ["state"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("Delegation", {"fields": ["state", "function"]}),
    ]
