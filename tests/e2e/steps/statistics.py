"""Statistics from upload to the public page: the data steward uploads the city's own Statbel
rows, maps them, follows the ingest, reads the validation report, defines a protected
release, previews and submits it; the administrator approves; a visitor reads and downloads
a table."""

from __future__ import annotations

import csv
import gzip
import io
import tempfile
from pathlib import Path

from playwright.sync_api import Locator, expect

from mechelen.web.demo.cities import STATBEL_EXTRACT, STATBEL_MAPPING
from mechelen.web.tenancy.models import Organisation
from tests.e2e.steps.accounts import log_in_again, log_in_as, log_out, open_workspace_page
from tests.e2e.visit import Visit

#: the columns a Statbel file maps to: the demo's mapping (municipality only: the city's own
#: rows give no figure for its district, province or region)
MAPPING = STATBEL_MAPPING.read_text(encoding="utf-8")
RELEASE_TITLE = "Residents by sex and age, 2015"
RELEASE_ID = "residents-2015"
TABLE_TITLE = "Sex × Age"  # the table of both dimensions, by area
FORMULA_STARTS = ("=", "+", "-", "@")


def city_statbel_file(visit: Visit) -> tuple[Path, int, int]:
    """The real Statbel rows (residents on 1 January 2015) of the visiting city only, as the
    city's statistics office would export them: the file, its rows and its persons."""
    code = Organisation.objects.get(slug=visit.city_slug).statistical_code
    folder = Path(tempfile.mkdtemp(prefix="mechelen-e2e-"))
    path = folder / f"statbel_2015_{visit.city_slug}.csv.gz"
    rows = persons = 0
    with (
        gzip.open(STATBEL_EXTRACT, "rt", encoding="utf-8", newline="") as source,
        gzip.open(path, "wt", encoding="utf-8", newline="") as target,
    ):
        reader = csv.DictReader(source)
        assert reader.fieldnames is not None
        writer = csv.DictWriter(target, reader.fieldnames)
        writer.writeheader()
        for row in reader:
            if row["CD_MUNTY_REFNIS"] == code:
                writer.writerow(row)
                rows += 1
                persons += int(row["MS_POPULATION"])
    assert rows, f"the Statbel extract has no rows of municipality {code}"
    return path, rows, persons


def upload_and_map_the_statbel_file(visit: Visit) -> None:
    """The data steward uploads the city's file, maps it in YAML and follows the job; the
    validation report counts the file's rows and persons and shows the mapping as a table."""
    page = visit.page
    statbel, rows, persons = city_statbel_file(visit)
    log_in_as(visit, visit.team["data_steward"])
    open_workspace_page(visit, "Statistics")
    page.get_by_role("link", name="Upload a data file").click()
    page.get_by_label("Data file").set_input_files(statbel)
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("File received. Now map its columns.")).to_be_visible()
    expect(page.get_by_role("heading", name="Map the columns")).to_be_visible()
    expect(page.get_by_text(f"{statbel.name} has 22 columns.")).to_be_visible()
    page.get_by_label("Or write the mapping (YAML)").fill(MAPPING)
    page.get_by_role("button", name="Read the file into the workspace").click()

    # the progress page, at its end (jobs run inline in the tests)
    expect(page.get_by_role("heading", name="Reading the file into the workspace")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Done")
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    page.get_by_role("link", name="See the validation report").click()

    expect(page.get_by_role("heading", name="Validation report")).to_be_visible()
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text(statbel.name)

    def fact(name: str) -> Locator:
        return facts.locator("dt", has_text=name).locator("xpath=following-sibling::dd[1]")

    expect(fact("Rows read")).to_have_text(f"{rows:,}")
    expect(fact("Persons kept")).to_have_text(f"{persons:,}")
    expect(fact("Geography levels")).to_have_text("municipality")
    mapping = page.locator("table.mapping")
    expect(mapping.get_by_role("row").filter(has_text="CD_SEX")).to_contain_text("Sex")
    expect(mapping.get_by_role("row").filter(has_text="CD_NATLTY")).to_contain_text("Citizenship")
    expect(page.locator("details.mapping-yaml pre")).to_be_hidden()  # the YAML, folded
    visit.screenshot("statistics-validation")


def define_preview_and_submit_a_release(visit: Visit) -> None:
    """Tables by sex and age band, by municipality, protected by the cell key method."""
    page = visit.page
    page.get_by_role("link", name="Define a release").click()
    page.get_by_label("Title").fill(RELEASE_TITLE)
    page.get_by_label("Release id").fill(RELEASE_ID)
    page.get_by_role("checkbox", name="Sex", exact=True).check()
    page.get_by_role("checkbox", name="Age", exact=True).check()
    page.locator("#id_layout").select_option("pairs")  # labelled "Tables"
    page.get_by_label("Finest geography level").select_option("municipality")
    page.get_by_label("Protection method").select_option("cell-key")
    page.get_by_label("Smallest count shown").fill("10")
    page.get_by_role("button", name="Save and preview").click()

    expect(page.get_by_role("heading", name="Building the protected tables")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Done")
    page.get_by_role("link", name="See the release").click()

    expect(page.get_by_role("heading", name=RELEASE_TITLE, level=1)).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("Draft")
    expect(page.get_by_role("heading", name="Disclosure report")).to_be_visible()
    report = page.locator("table.disclosure tbody tr")
    expect(report).to_have_count(3)  # by sex, by age, by sex and age
    expect(report.first).to_contain_text("Cell key")
    expect(page.get_by_role("link", name=TABLE_TITLE, exact=True)).to_be_visible()
    visit.screenshot("statistics-preview")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_text("Release submitted: an administrator will approve it.")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("Waiting for approval")
    log_out(visit)


def approve_the_release(visit: Visit) -> None:
    """The administrator approves: the release is public."""
    page = visit.page
    log_in_again(visit)
    open_workspace_page(visit, "Statistics")
    page.get_by_role("link", name=RELEASE_TITLE).click()
    # the decision comes after the evidence, and approving asks to confirm it was read
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator("#decision .usa-error-message")).to_have_count(0)  # the browser asks
    page.get_by_label("I have read the evidence").check()
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_text("Release approved: it is public now.")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("Published")
    log_out(visit)


def read_and_download_a_public_table(visit: Visit) -> None:
    """A visitor, logged out, finds the release on the city page, reads a table (chart and
    figures) and downloads its CSV: a header, a flag column, no cell a spreadsheet would run."""
    page = visit.page
    visit.open("portal:city", slug=visit.city_slug)
    section = page.locator("section.statistics")
    expect(section.get_by_role("link", name=RELEASE_TITLE)).to_be_visible()
    section.get_by_role("link", name=TABLE_TITLE, exact=True).click()

    expect(page.get_by_role("heading", name=TABLE_TITLE, level=1)).to_have_text(TABLE_TITLE)
    expect(page.locator(".fictional")).to_contain_text("but not these figures")
    expect(page.locator("figure.chart svg")).to_be_visible()
    figures = page.get_by_role("table").filter(has_text="Figures of the chart")
    expect(figures.get_by_role("row").filter(has_text="Women").first).to_be_visible()
    # every figure carries the same flag: it is explained once, not repeated on each row
    expect(figures.get_by_role("columnheader", name="Flag")).to_have_count(0)
    protection = page.locator("section.protection")
    expect(protection).to_contain_text("every figure is slightly adjusted")
    expect(protection).to_contain_text("differ from the sum of its parts")
    expect(protection.locator("dl.flags")).to_contain_text("perturbed")
    # the parameters and table ids are technical details, folded
    expect(page.get_by_text("key_range")).to_be_hidden()
    expect(page.get_by_text("by-sex-and-age-band")).to_be_hidden()
    visit.screenshot("public-table")
    protection.get_by_text("Technical details").click()
    expect(page.get_by_text("key_range")).to_be_visible()
    expect(
        protection.get_by_role("link", name="The whole disclosure report (JSON)")
    ).to_be_visible()

    page.get_by_role("link", name=RELEASE_TITLE).click()
    expect(page.get_by_role("heading", name=RELEASE_TITLE, level=1)).to_be_visible()
    # the published total is the city's count of residents, within the protection's noise
    population = Organisation.objects.get(slug=visit.city_slug).population
    residents = page.locator("dl.facts dt", has_text="Residents").locator(
        "xpath=following-sibling::dd[1]"
    )
    published = int(residents.inner_text().replace(",", ""))
    assert population is not None and abs(published - population) <= 5, (published, population)
    # the downloads are grouped by use; the spreadsheet group holds each table's CSV
    spreadsheets = page.locator(".usa-card", has_text="For spreadsheets")
    link = spreadsheets.locator("li", has_text="sex-and-age-band.csv").get_by_role("link").first
    with page.expect_download() as info:
        link.click()
    download = info.value
    path = download.path()
    assert path is not None, download.failure()
    assert download.suggested_filename.endswith(".csv"), download.suggested_filename
    rows = list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))
    header, cells = rows[0], rows[1:]
    assert any("flag" in column.lower() for column in header), header
    assert cells, "the CSV has no data rows"
    assert all(len(row) == len(header) for row in cells)
    risky = [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]
    assert not risky, f"cells a spreadsheet would run as formulas: {risky[:5]}"
