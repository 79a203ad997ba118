from rest_framework.routers import SimpleRouter

from meetings.api import MeetingDocumentViewSet, MeetingViewSet, ParticipantViewSet
from sponsorship.api import SponsorshipApplicationViewSet

router = SimpleRouter()
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("meeting-documents", MeetingDocumentViewSet, basename="meeting-document")
router.register("participants", ParticipantViewSet, basename="participant")
router.register(
    "sponsorship-applications", SponsorshipApplicationViewSet, basename="sponsorship-application"
)

urlpatterns = router.urls
