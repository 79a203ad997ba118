"""The rendered 2025 PDF against the text of the official document CCM/MSP/2024/3."""

import subprocess

import pytest
from pypdf import PdfReader

from reporting.models import RenderedDocument
from reporting.services import workplan_document_get_or_render
from tests.reporting.fidelity import corrected_seed_text, in_order_ratio, words
from workplan.models import Activity
from workplan.services import part_update

pytestmark = pytest.mark.django_db


def pdf_text(path) -> str:
    # pypdf reads the text in the order the PDF paints it, which is the document's order
    # (cell by cell in tables), where pdftotext's layout analysis interleaves table columns.
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_2025_pdf_reads_like_ccm_msp_2024_3(plan_2025):
    document = workplan_document_get_or_render(plan=plan_2025, kind="pdf")
    seed = words(corrected_seed_text())
    rendered = words(pdf_text(document.absolute_path))
    ratio = in_order_ratio(seed, rendered)
    print(f"\nFidelity: {ratio:.2%} of the {len(seed)} words of CCM/MSP/2024/3 in order")
    assert ratio >= 0.97
    # The measure itself can fail: a document missing one section is far below the bar.
    without_section_iv = corrected_seed_text().split("IV. Expected outcomes")[0]
    assert in_order_ratio(seed, words(without_section_iv)) < 0.97


def test_the_pdf_is_tagged_a4_with_metadata_embedded_fonts_and_running_header(plan_2025):
    document = workplan_document_get_or_render(plan=plan_2025, kind="pdf")
    reader = PdfReader(document.absolute_path)
    meta = reader.metadata
    assert meta.title == "Implementation Support Unit 2025 Work Plan and Budget"
    assert meta.subject == "CCM/MSP/2024/3"
    assert meta.author == "Implementation Support Unit, Convention on Cluster Munitions"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert len(reader.pages) >= 6
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    pages = [page.extract_text() for page in reader.pages]
    assert pages[0].startswith("Convention on Cluster Munitions")
    for number, text in enumerate(pages[1:], start=2):
        assert "CCM/MSP/2024/3" in text  # the running header
        assert str(number) in text.split()  # the page number
    # Every font is embedded, and only the project's own.
    fonts = subprocess.run(
        ["pdffonts", str(document.absolute_path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        assert "Liberation" in line
        assert line.split()[-5] == "yes"  # the "emb" column
    # The results table's header row repeats on the pages it continues on.
    table_pages = [t for t in pages if "Activities" in t and "Outputs" in t]
    assert len(table_pages) >= 2
    assert "Budget: CHF 497'138" in pages[0] + pages[1]


def test_a_changed_activity_reads_in_a_fresh_pdf_and_the_old_file_is_kept(plan_2025):
    first = workplan_document_get_or_render(plan=plan_2025, kind="pdf")
    activity = Activity.objects.get(text__startswith="Facilitate the hosting of at least one")
    old_words = "at least one country coalitions meeting in Geneva"
    assert old_words in " ".join(pdf_text(first.absolute_path).split())
    part_update(
        part=activity,
        text="Convene two regional workshops on stockpile destruction in Lusaka and Vientiane.",
        version=activity.version,
    )
    second = workplan_document_get_or_render(plan=plan_2025, kind="pdf")
    assert second.pk != first.pk and second.hash != first.hash
    text = " ".join(pdf_text(second.absolute_path).split())
    assert "regional workshops on stockpile destruction in Lusaka and Vientiane" in text
    assert old_words not in text
    assert first.absolute_path.is_file()  # the earlier version's file is kept
    assert RenderedDocument.objects.filter(plan=plan_2025, kind="pdf").count() == 2


def test_no_summary_label_stands_alone_at_the_foot_of_a_page(plan_2025):
    document = workplan_document_get_or_render(plan=plan_2025, kind="pdf")
    pages = [page.extract_text() for page in PdfReader(document.absolute_path).pages]
    for label in ("Main Objective:", "Specific Objectives", "Expected Outcomes:", "Budget:"):
        page = next(text for text in pages if label in text)
        after = page.split(label, 1)[1]
        # Some words of the label's own text follow it on its page (not only the footnote).
        assert len(words(after.split("The present document is being issued")[0])) >= 3, label
