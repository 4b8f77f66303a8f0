"""A page that fails, for the logging test (tests/web/test_logging.py)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def failing_page(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the page broke")


urlpatterns = [path("broken/", failing_page)]
