"""Read-only API of contributions. A delegate sees only their own State's rows; any other
State's answers 404, exactly like a row that does not exist."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from accounts import access
from contributions import selectors
from contributions.models import CreditNote, Invoice, Payment
from contributions.serializers import (
    CreditNoteOutputSerializer,
    InvoiceOutputSerializer,
    PaymentOutputSerializer,
    StatementOutputSerializer,
)


class CanViewInvoices(BasePermission):
    """ISU staff (every State) and delegates (their own State)."""

    def has_permission(self, request, view):
        return access.can_view_invoices(request.user)


YEAR = OpenApiParameter("year", int, description="Contribution year")
STATE = OpenApiParameter("state", str, description="ISO alpha-3 code")


class InvoiceViewSet(viewsets.GenericViewSet):
    permission_classes = [CanViewInvoices]
    queryset = Invoice.objects.none()
    pagination_class = None  # lists are plain arrays, and the schema says so
    lookup_value_regex = r"\d+"

    def _output(self, invoices, *, many=False):
        today = timezone.localdate()
        rows = invoices if many else [invoices]
        positions = selectors.invoice_positions(invoices=rows, today=today)
        return InvoiceOutputSerializer(
            invoices, many=many, context={"positions": positions, "today": today}
        ).data

    @extend_schema(
        parameters=[YEAR, STATE, OpenApiParameter("number", str, description="Invoice number")],
        responses=InvoiceOutputSerializer(many=True),
    )
    def list(self, request):
        invoices = selectors.invoices_visible(user=request.user).order_by("year", "sequence")
        params = request.query_params
        if params.get("year", "").isdigit():
            invoices = invoices.filter(year=int(params["year"]))
        if params.get("state"):
            invoices = invoices.filter(state__iso3=params["state"].upper())
        if params.get("number"):
            invoices = invoices.filter(number=params["number"])
        return Response(self._output(list(invoices), many=True))

    @extend_schema(responses=InvoiceOutputSerializer)
    def retrieve(self, request, pk=None):
        invoice = get_object_or_404(selectors.invoices_visible(user=request.user), pk=pk)
        return Response(self._output(invoice))


class CreditNoteViewSet(viewsets.GenericViewSet):
    permission_classes = [CanViewInvoices]
    queryset = CreditNote.objects.none()
    pagination_class = None  # lists are plain arrays, and the schema says so
    lookup_value_regex = r"\d+"

    @extend_schema(parameters=[YEAR, STATE], responses=CreditNoteOutputSerializer(many=True))
    def list(self, request):
        notes = selectors.credit_notes_visible(user=request.user).order_by("year", "sequence")
        params = request.query_params
        if params.get("year", "").isdigit():
            notes = notes.filter(year=int(params["year"]))
        if params.get("state"):
            notes = notes.filter(invoice__state__iso3=params["state"].upper())
        return Response(CreditNoteOutputSerializer(notes, many=True).data)

    @extend_schema(responses=CreditNoteOutputSerializer)
    def retrieve(self, request, pk=None):
        note = get_object_or_404(selectors.credit_notes_visible(user=request.user), pk=pk)
        return Response(CreditNoteOutputSerializer(note).data)


class PaymentViewSet(viewsets.GenericViewSet):
    permission_classes = [CanViewInvoices]
    queryset = Payment.objects.none()
    pagination_class = None  # lists are plain arrays, and the schema says so
    lookup_value_regex = r"\d+"

    @extend_schema(parameters=[STATE], responses=PaymentOutputSerializer(many=True))
    def list(self, request):
        payments = selectors.payments_visible(user=request.user).order_by("received_on", "id")
        if request.query_params.get("state"):
            payments = payments.filter(state__iso3=request.query_params["state"].upper())
        return Response(PaymentOutputSerializer(payments, many=True).data)

    @extend_schema(responses=PaymentOutputSerializer)
    def retrieve(self, request, pk=None):
        payment = get_object_or_404(selectors.payments_visible(user=request.user), pk=pk)
        return Response(PaymentOutputSerializer(payment).data)


class StatementViewSet(viewsets.GenericViewSet):
    """A State's statement of account (invoices, credit notes, payments, balance, ageing)."""

    permission_classes = [CanViewInvoices]
    queryset = Invoice.objects.none()
    lookup_field = "iso3"
    lookup_value_regex = "[A-Za-z]{3}"

    @extend_schema(responses=StatementOutputSerializer)
    def retrieve(self, request, iso3=None):
        state = get_object_or_404(selectors.states_visible(user=request.user), iso3=iso3.upper())
        today = timezone.localdate()
        account = selectors.account_for_state(state=state, today=today)
        data = {
            "state": state.iso3,
            "as_at": today,
            "lines": account.lines,
            "outstanding": account.outstanding,
            "credit": account.unapplied_credit,
            "balance": account.balance,
            "ageing": account.ageing,
        }
        return Response(StatementOutputSerializer(data).data)
