from django.urls import path

from mechelen.web.assessments import views

app_name = "assessments"
urlpatterns = [
    path("", views.round_list, name="list"),
    path("new/", views.round_new, name="new"),
    path("<int:pk>/", views.round_detail, name="round"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/results/", views.results_page, name="results"),
    path("<int:pk>/form.xlsx", views.form_download, name="form"),
    path("<int:pk>/answers.xlsx", views.answers_download, name="answers"),
    path("<int:pk>/import/", views.import_forms, name="import"),
    path("<int:pk>/answer/", views.answer, name="answer"),
]
