"""The OpenAPI schema is clean (no warnings) with the budget endpoints in it."""

from django.core.management import call_command


def test_openapi_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = target.read_text()
    for path in (
        "/api/budgets/{year}/:",
        "/api/budgets/{year}/lines/{id}/:",
        "/api/budgets/{year}/positions/:",
        "/api/budgets/{year}/notes/{id}/move/:",
        "/api/budgets/{year}/parameters/:",
        "/api/budget-envelopes/:",
    ):
        assert path in schema
