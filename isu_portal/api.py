"""API plumbing shared by every app: the domain error mapped to a clear 400 answer."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from isu_portal.errors import DomainError


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        exc = exceptions.ValidationError({"detail": exc.messages})
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)
