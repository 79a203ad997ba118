from django.db import migrations

CHAIR_GROUP = "Coordination Committee chair"


def create(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=CHAIR_GROUP)


class Migration(migrations.Migration):
    """The group marking the Committee's chair, for ENDORSEMENT_RULE = "chair"."""

    dependencies = [("review", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
