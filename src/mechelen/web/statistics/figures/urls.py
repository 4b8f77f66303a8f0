"""Service figures, in the app's ``statistics:`` namespace."""

from django.urls import path

from mechelen.web.statistics.figures import views

urlpatterns = [
    path("figures/", views.figure_list, name="figures"),
    path("figures/new/", views.figure_edit, name="figure_new"),
    path("figures/<int:pk>/", views.figure_edit, name="figure_edit"),
]
