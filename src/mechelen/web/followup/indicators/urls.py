"""Indicator pages under /manage/<slug>/follow-up/ (included by :mod:`mechelen.web.followup.urls`)."""

from django.urls import path

from mechelen.web.followup.indicators import views

urlpatterns = [
    path("", views.indicator_list, name="indicators"),
    path("indicators/add/", views.indicator_add, name="indicator_add"),
    path("indicators/define/", views.indicator_custom, name="indicator_custom"),
    path("indicators/import/", views.indicator_import, name="indicator_import"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/remove/", views.indicator_remove, name="indicator_remove"),
    path("indicators/<int:pk>/values/", views.value_add, name="value_add"),
    path(
        "indicators/<int:pk>/values/<int:value>/remove/",
        views.value_remove,
        name="value_remove",
    ),
    path("indicators/<int:pk>/status/", views.override, name="override"),
    path("indicators/<int:pk>/status/clear/", views.override_clear, name="override_clear"),
]
