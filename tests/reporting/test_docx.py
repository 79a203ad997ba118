"""The Word export of the 2025 plan: the document's structure and numbering."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from reporting.services import workplan_document_get_or_render

pytestmark = pytest.mark.django_db


def test_the_docx_has_the_structure_and_numbering(plan_2025):
    stored = workplan_document_get_or_render(plan=plan_2025, kind="docx")
    document = Document(io.BytesIO(stored.absolute_path.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    assert "Original: English" in texts
    assert "14 June 2024" in texts
    assert texts.index("Implementation Support Unit 2025 Work Plan and Budget*") < texts.index(
        "Submitted by the ISU Director"
    )
    assert "*\tThe present document is being issued without formal editing." in texts
    numerals = {"I.", "II.", "III.", "IV.", "V.", "VI."}
    # Sub-section I. (Communication) shares its letter with section I's numeral.
    headings = [t for t in texts if t.split("\t")[0] in numerals and t != "I.\tCommunication"]
    assert [h.split("\t")[0] for h in headings] == ["I.", "II.", "III.", "IV.", "V.", "VI."]
    numbered = [t.split("\t")[0] for t in texts if t[:1].isdigit() and "\t" in t]
    assert numbered == [f"{n}." for n in range(1, 20)]
    paragraph_4 = texts.index(next(t for t in texts if t.startswith("4.\t")))
    assert texts[paragraph_4 + 1].startswith("(a)\tAssist in the preparation and hosting")
    assert "J.\tOther Implementation Support" in texts
    summary, results, costs = document.tables[1], document.tables[2], document.tables[3]
    assert summary.rows[3].cells[1].text == "CHF 497'138"
    header = results.rows[0]
    assert [c.text for c in header.cells] == ["Outcomes", "Outputs", "Activities"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert len(results.rows) == 1 + 12  # one row per output
    cost_rows = [[c.text for c in row.cells] for row in costs.rows]
    assert ["Total", "497'138", ""] in cost_rows
    assert cost_rows[-1][:2] == ["Administrative Expenses", "GICHD, in-kind"]
    assert "Budget Notes" in texts and "Assumptions" in texts
    props = document.core_properties
    assert (props.title, props.subject) == (plan_2025.title, "CCM/MSP/2024/3")
    assert document.sections[0].header.paragraphs[0].text == "CCM/MSP/2024/3"
