from rest_framework.routers import SimpleRouter

from parties.api import ContactViewSet, StateViewSet

router = SimpleRouter()
router.register("states", StateViewSet, basename="state")
router.register("contacts", ContactViewSet, basename="contact")

urlpatterns = router.urls
