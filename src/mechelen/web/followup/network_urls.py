"""A network's open-data export under /networks/<slug>/follow-up/."""

from mechelen.web.followup.opendata import urls as opendata

app_name = "network_followup"
urlpatterns = [*opendata.network_urlpatterns]
