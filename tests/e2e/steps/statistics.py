"""Statistics from upload to the public page: the data steward uploads real Statbel rows,
maps them, follows the ingest, reads the validation report, defines a protected release,
previews and submits it; the administrator approves; a visitor reads and downloads a table."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.steps.accounts import log_in_again, log_in_as, log_out, open_workspace_page
from tests.e2e.visit import Visit

ROOT = Path(__file__).resolve().parents[3]
#: real Statbel rows (residents on 1 January 2015) of four municipalities: a fast stand-in
#: for the full file of 457,000 rows
STATBEL = ROOT / "src/mechelen/web/demo/data/statbel_2015_four_municipalities.csv.gz"
MAPPING = ROOT / "examples/mappings/statbel-2015.yaml"
RELEASE_TITLE = "Residents by sex and age, 2015"
RELEASE_ID = "residents-2015"
TABLE_TITLE = "Sex × Age"  # the table of both dimensions, by area
FORMULA_STARTS = ("=", "+", "-", "@")


def statbel_rows() -> int:
    with gzip.open(STATBEL, "rt", encoding="utf-8") as rows:
        return sum(1 for _ in rows) - 1  # without the header


def upload_and_map_the_statbel_file(visit: Visit) -> None:
    """The data steward uploads the file, maps it with the example YAML and follows the job."""
    page = visit.page
    log_in_as(visit, visit.team["data_steward"])
    open_workspace_page(visit, "Statistics")
    page.get_by_role("link", name="Upload a data file").click()
    page.get_by_label("Data file").set_input_files(STATBEL)
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("File received. Now map its columns.")).to_be_visible()
    expect(page.get_by_role("heading", name="Map the columns")).to_be_visible()
    expect(page.get_by_text(f"{STATBEL.name} has 22 columns.")).to_be_visible()
    page.get_by_label("Or write the mapping (YAML)").fill(MAPPING.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Read the file into the workspace").click()

    # the progress page, at its end (jobs run inline in the tests)
    expect(page.get_by_role("heading", name="Reading the file into the workspace")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Done")
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    page.get_by_role("link", name="See the validation report").click()

    expect(page.get_by_role("heading", name="Validation report")).to_be_visible()
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text(STATBEL.name)
    rows_read = facts.locator("dt", has_text="Rows read").locator("xpath=following-sibling::dd[1]")
    expect(rows_read).to_have_text(f"{statbel_rows():,}")
    expect(facts).to_contain_text("municipality, district, province, region")
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

    expect(page.get_by_role("heading", name=TABLE_TITLE, level=1)).to_be_visible()
    expect(page.locator("figure.chart svg")).to_be_visible()
    figures = page.get_by_role("table").filter(has_text="Figures of the chart")
    expect(figures.get_by_role("row").filter(has_text="Women").first).to_be_visible()
    expect(figures).to_contain_text("perturbed")
    visit.screenshot("public-table")

    page.get_by_role("link", name=RELEASE_TITLE).click()
    expect(page.get_by_role("heading", name=RELEASE_TITLE, level=1)).to_be_visible()
    link = page.locator("ul.downloads a", has_text="sex-and-age").filter(has_text=".csv").first
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
