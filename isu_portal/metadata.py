"""What the API answers to OPTIONS."""

from rest_framework.metadata import SimpleMetadata


class PortalMetadata(SimpleMetadata):
    """Name, description, renderers and parsers, without DRF's "actions" form description:
    our views take separate, explicit input serializers (no `serializer_class`), which
    DRF's default would try, and fail, to instantiate (HTTP 500). The OpenAPI schema at
    /api/schema/ is where the input of each operation is described."""

    def determine_actions(self, request, view):
        return {}

    def determine_metadata(self, request, view):
        metadata = super().determine_metadata(request, view)
        metadata.pop("actions", None)
        return metadata
