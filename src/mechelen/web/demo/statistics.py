"""Demo statistics: each city's own workspace holds its own rows of the Statbel 2015 extract;
Mechelen has a published release, Gent one waiting for approval.

Each city's file is written from the extract's rows of its NIS code only, so no workspace
holds another city's microdata. The work runs directly (not as background jobs) through
the same functions the jobs call, with the same audit entries, by the city's data steward
and administrator.
"""

from __future__ import annotations

import csv
import gzip
import uuid

from mechelen.engine.standardise.countries import CountryStandardiser
from mechelen.web.demo.cities import CITIES, STATBEL_EXTRACT, STATBEL_MAPPING
from mechelen.web.demo.steps import DemoContext, demo_step
from mechelen.web.statistics.datasets.ingest import ingest_dataset
from mechelen.web.statistics.datasets.storage import upload_folder
from mechelen.web.statistics.models import Dataset, Release, ReleaseStatus, SourceFile
from mechelen.web.statistics.releases import actions
from mechelen.web.statistics.releases.build import build_release
from mechelen.web.tenancy.models import Organisation

DATASET = "population-2015"
#: the mapping of a city's Statbel rows (the example that the tests and docs/statistics.md use too)
MAPPING = STATBEL_MAPPING.read_text(encoding="utf-8")
SPEC = """\
release: population-2015
dataset: population-2015
geography: {level: municipality}
tables:
  - {name: residents-by-sex-and-age, dimensions: [geography, sex, age_band]}
  - {name: residents-by-citizenship-and-sex, dimensions: [geography, citizenship_status, sex]}
  - {name: residents-by-citizenship-and-age, dimensions: [geography, citizenship_status, age_band]}
  - {name: residents-by-citizenship-region, dimensions: [geography, citizenship_group]}
protection: {method: cell-key, threshold: 10}
"""
TITLE = "Residents on 1 January 2015 by sex, age and citizenship"


def _city_file(slug: str, code: str, organisation: Organisation) -> SourceFile:
    """The extract's rows of one municipality, as a gzipped CSV in the city's upload folder."""
    folder = upload_folder(organisation)
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{uuid.uuid4().hex}.csv.gz"
    with (
        gzip.open(STATBEL_EXTRACT, "rt", encoding="utf-8", newline="") as source,
        gzip.open(folder / stored, "wt", encoding="utf-8", newline="") as target,
    ):
        reader = csv.reader(source)
        writer = csv.writer(target)
        header = next(reader)
        writer.writerow(header)
        column = header.index("CD_MUNTY_REFNIS")
        writer.writerows(row for row in reader if row[column] == code)
        columns = header
    return SourceFile.objects.create(
        organisation=organisation,
        original_name=f"statbel_2015_{slug}.csv.gz",
        kind="csv.gz",
        size=(folder / stored).stat().st_size,
        stored_name=stored,
        columns=columns,
    )


def _release(context: DemoContext, slug: str, dataset: Dataset, publish: bool) -> None:
    organisation = context.organisations[slug]
    steward, admin = context.users[f"{slug}-steward"], context.users[f"{slug}-admin"]
    existing = Release.objects.filter(organisation=organisation, name="population-2015").first()
    if existing is not None and not existing.editable:
        return
    release = actions.save_release(
        steward, organisation, existing, dataset, "population-2015", TITLE, SPEC
    )
    build_release(release, steward, "demo")
    actions.submit_release(steward, release)
    if publish:
        actions.approve_release(admin, release)


@demo_step(40, "statistics: Statbel 2015 in each city's workspace, releases")
def load_statistics(context: DemoContext) -> None:
    standardiser = CountryStandardiser()  # built once for the four ingests
    datasets = {}
    for slug, _name, code, _endorsed in CITIES:
        organisation = context.organisations[slug]
        steward = context.users[f"{slug}-steward"]
        source = _city_file(slug, code, organisation)
        source.uploaded_by = steward
        source.save(update_fields=["uploaded_by"])
        dataset, _ = Dataset.objects.update_or_create(
            organisation=organisation,
            name=DATASET,
            defaults={"mapping_text": MAPPING, "source_file": source, "created_by": steward},
        )
        ingest_dataset(dataset, steward, standardiser=standardiser)
        datasets[slug] = dataset
    _release(context, "mechelen", datasets["mechelen"], publish=True)
    _release(context, "gent", datasets["gent"], publish=False)
    published = Release.objects.filter(status=ReleaseStatus.PUBLISHED).count()
    context.notes.append(
        f"Statistics: each city's workspace holds its own Statbel 2015 rows; {published} "
        "published release (Mechelen), one waiting for approval (Gent, log in as gent-admin)."
    )
