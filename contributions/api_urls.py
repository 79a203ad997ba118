from rest_framework.routers import SimpleRouter

from contributions.api import (
    CreditNoteViewSet,
    InvoiceViewSet,
    PaymentViewSet,
    StatementViewSet,
)

router = SimpleRouter()
router.register("invoices", InvoiceViewSet, basename="invoice")
router.register("credit-notes", CreditNoteViewSet, basename="credit-note")
router.register("payments", PaymentViewSet, basename="payment")
router.register("statements", StatementViewSet, basename="statement")

urlpatterns = router.urls
