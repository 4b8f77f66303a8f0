"""The follow-up's pages under /manage/<slug>/follow-up/, one list of each sub-package."""

from mechelen.web.followup.change import urls as change
from mechelen.web.followup.evidence import urls as evidence
from mechelen.web.followup.figures import urls as figures
from mechelen.web.followup.indicators import urls as indicators

app_name = "followup"
urlpatterns = [
    *indicators.urlpatterns,
    *figures.urlpatterns,
    *evidence.urlpatterns,
    *change.urlpatterns,
]
