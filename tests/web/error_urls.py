"""The site's URLs and three pages that fail, for the error pages' tests (test_error_pages.py)."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.urls import path

from mechelen.web.urls import urlpatterns as site_urlpatterns


def forbidden_page(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def bad_page(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("a bad request")


def broken_page(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the page broke")


urlpatterns = [
    path("test-errors/forbidden/", forbidden_page),
    path("test-errors/bad/", bad_page),
    path("test-errors/broken/", broken_page),
    *site_urlpatterns,
]
