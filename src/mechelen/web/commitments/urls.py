from django.urls import path

from mechelen.web.commitments import views

app_name = "commitments"
urlpatterns = [
    path("", views.commitment_list, name="list"),
    path("new/", views.commitment_edit, name="new"),
    path("<int:pk>/", views.commitment_edit, name="edit"),
    path("<int:pk>/delete/", views.commitment_delete, name="delete"),
]
