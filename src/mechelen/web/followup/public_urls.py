"""Public follow-up files under /cities/<slug>/follow-up/."""

from mechelen.web.followup.evidence import urls as evidence
from mechelen.web.followup.opendata import urls as opendata

app_name = "public_followup"
urlpatterns = [*evidence.public_urlpatterns, *opendata.public_urlpatterns]
