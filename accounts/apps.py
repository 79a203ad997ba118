from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_role_groups(sender, **kwargs):
    # Permissions are created after migrations, one app at a time, so the ISU staff group's
    # permissions are brought up to date after each app; the groups come from a migration.
    from accounts.services import groups_sync

    groups_sync()


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        post_migrate.connect(_sync_role_groups, dispatch_uid="accounts-sync-role-groups")
