"""The filters of a meeting's document list (django-filter), shared by the page and the API."""

import django_filters
from django.db.models import Q

from meetings.models import Distribution, DocumentKind, Language, MeetingDocument


class MeetingDocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Symbol or title contains")
    kind = django_filters.ChoiceFilter(
        choices=DocumentKind.choices, empty_label="Any kind", label="Kind"
    )
    language = django_filters.ChoiceFilter(
        choices=Language.choices,
        method="in_language",
        empty_label="Any language",
        label="Language",
    )
    distribution = django_filters.ChoiceFilter(
        choices=Distribution.choices, empty_label="Any distribution", label="Distribution"
    )

    class Meta:
        model = MeetingDocument
        fields = ["q", "kind", "language", "distribution"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(symbol__icontains=value) | Q(title__icontains=value))

    def in_language(self, queryset, name, value):
        # JSON containment is not portable to SQLite; the codes are two letters in a JSON
        # list, so matching the quoted code in the text is exact.
        return queryset.filter(languages__icontains=f'"{value}"')
