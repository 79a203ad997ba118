"""Views that exist only for the page cache's tests."""

from django.http import HttpResponse, JsonResponse
from django.urls import path

from isu_portal.page_cache.middleware import page_cache_exempt
from parties.models import State


def count_states(request):
    return JsonResponse({"states": State.objects.count()})


def record_a_visit(request):
    # Stands for any GET with a side effect (an audit record, a download counter).
    State.objects.filter(iso3="VIS").update(name=f"Visited {State.objects.count()}")
    return JsonResponse({"states": State.objects.count()})


@page_cache_exempt
def always_fresh(request):
    return HttpResponse("<p>fresh</p>")


urlpatterns = [
    path("count/", count_states),
    path("visit/", record_a_visit),
    path("fresh/", always_fresh),
]
