"""The work plan as a Word file (python-docx) with the document's structure and numbering:
masthead, title with its footnote, summary table, sections I-VI with numbered paragraphs and
lettered items, the results table (header row repeated on each page), the cost table with its
total and the in-kind row, the budget notes and the assumptions; the symbol as page header and
page numbers in the footer."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from budget.formatting import format_chf

_EMPHASIS = re.compile(r"\*([^*\n]+)\*")
INDENT = Mm(12)
NUMBER_STOP = Mm(10)


def _runs(paragraph, text: str, *, bold: bool = False) -> None:
    """Writes `text` into `paragraph`, *inter alia* in italics as on the page."""
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()]).bold = bold
        run = paragraph.add_run(match.group(1))
        run.italic, run.bold = True, bold
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:]).bold = bold


def _field(paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _cell(cell, text: str, *, bold: bool = False, align=None) -> None:
    paragraph = cell.paragraphs[0]
    _runs(paragraph, text, bold=bold)
    if align is not None:
        paragraph.alignment = align


def _bullets(cell_or_doc, texts, *, first_in_cell: bool = False, prefix: str = "•\t") -> None:
    for index, text in enumerate(texts):
        if first_in_cell and index == 0:
            paragraph = cell_or_doc.paragraphs[0]
        else:
            paragraph = cell_or_doc.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(5)
        paragraph.paragraph_format.first_line_indent = Mm(-5)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(5))
        paragraph.add_run(prefix)
        _runs(paragraph, text)


def _numbered(document, label: str, text: str, *, lettered: bool = False) -> None:
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = INDENT
    fmt.first_line_indent = NUMBER_STOP if lettered else 0
    fmt.tab_stops.add_tab_stop(INDENT + NUMBER_STOP * (2 if lettered else 1))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.add_run(f"{label}\t")
    _runs(paragraph, text)


def _heading(document, label: str, text: str, *, size: int) -> None:
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.first_line_indent = INDENT, -INDENT
    fmt.tab_stops.add_tab_stop(INDENT)
    fmt.keep_with_next = True
    fmt.space_before = Pt(12)
    run = paragraph.add_run(f"{label}\t{text}")
    run.bold, run.font.size = True, Pt(size)


def _masthead(document, context: dict) -> None:
    plan = context["plan"]
    top = document.add_table(rows=1, cols=2)
    left, right = top.rows[0].cells
    run = left.paragraphs[0].add_run("Convention on Cluster Munitions")
    run.bold, run.font.size, run.font.name = True, Pt(14), "Liberation Sans"
    run = right.paragraphs[0].add_run(plan.symbol)
    run.bold, run.font.size = True, Pt(14)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    facts = [f"Distribution: {plan.distribution}"]
    if plan.document_date:
        facts.append(f"{plan.document_date.day} {plan.document_date:%B %Y}")
    facts.append(f"Original: {plan.original_language}")
    for fact in facts:
        paragraph = document.add_paragraph(fact)
        paragraph.paragraph_format.left_indent = Mm(100)
        paragraph.paragraph_format.space_after = Pt(0)
    document.add_paragraph()
    meeting = context.get("meeting")
    if meeting is not None:
        paragraph = document.add_paragraph()
        paragraph.add_run(meeting.title).bold = True
        paragraph.add_run(f"\n{meeting.city}, {meeting.dates_display}")
    lines = context.get("agenda_lines") or []
    if lines:
        paragraph = document.add_paragraph()
        for index, line in enumerate(lines):
            run = paragraph.add_run(("\n" if index else "") + line)
            run.bold = index > 0
    title = document.add_paragraph()
    title.paragraph_format.left_indent = INDENT
    title.paragraph_format.space_before = Pt(12)
    run = title.add_run(plan.title)
    run.bold, run.font.size = True, Pt(17)
    if plan.title_footnote:
        mark = title.add_run("*")
        mark.bold, mark.font.superscript = True, True
    submitted = document.add_paragraph()
    submitted.paragraph_format.left_indent = INDENT
    run = submitted.add_run(plan.submitted_by)
    run.bold, run.font.size = True, Pt(12)
    if plan.title_footnote:
        # python-docx writes no footnote part: the note follows the title, marked the same way.
        note = document.add_paragraph()
        run = note.add_run(f"*\t{plan.title_footnote}")
        run.font.size = Pt(8.5)


def _summary(document, context: dict) -> None:
    plan, doc = context["plan"], context["document"]
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run("Summary")
    run.bold, run.font.size = True, Pt(12)
    table = document.add_table(rows=4, cols=2)
    table.style = "Table Grid"
    rows = table.rows
    _cell(rows[0].cells[0], "Main Objective:", bold=True)
    _cell(rows[0].cells[1], plan.main_objective)
    _cell(rows[1].cells[0], "Specific Objectives", bold=True)
    cell = rows[1].cells[1]
    if plan.specific_objectives_intro:
        _cell(cell, plan.specific_objectives_intro)
    _bullets(
        cell,
        [item.text for item in doc.specific_objectives],
        first_in_cell=not plan.specific_objectives_intro,
    )
    _cell(rows[2].cells[0], "Expected Outcomes:", bold=True)
    _bullets(rows[2].cells[1], [item.text for item in doc.expected_outcomes], first_in_cell=True)
    _cell(rows[3].cells[0], "Budget:", bold=True)
    _cell(rows[3].cells[1], f"CHF {format_chf(context['budget']['total'])}")


def _results(document, context: dict) -> None:
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_header(header)
    for cell, label in zip(header.cells, ("Outcomes", "Outputs", "Activities"), strict=True):
        _cell(cell, label, bold=True)
    for outcome in context["document"].outcomes:
        first_row = None
        for output in outcome.output_list or [None]:
            row = table.add_row()
            first_row = first_row or row
            if output is not None:
                _cell(row.cells[1], f"- {output.text}")
                _bullets(row.cells[2], [a.text for a in output.activity_list], first_in_cell=True)
        merged = first_row.cells[0]
        last_row = table.rows[-1]
        if last_row is not first_row:
            merged = first_row.cells[0].merge(last_row.cells[0])
        _cell(merged, outcome.text)


def _budget(document, context: dict) -> None:
    budget = context["budget"]
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _repeat_header(header)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    for cell, label in zip(header.cells, ("Cost", "Amount in CHF", "Notes"), strict=True):
        _cell(cell, label, bold=True)
    for line in budget["lines"]:
        cells = table.add_row().cells
        _cell(cells[0], line.get_category_display())
        _cell(cells[1], format_chf(line.amount), align=right)
        _cell(cells[2], line.note)
    cells = table.add_row().cells
    _cell(cells[0], "Total", bold=True)
    _cell(cells[1], format_chf(budget["total"]), bold=True, align=right)
    for item in budget["in_kind"]:
        cells = table.add_row().cells
        _cell(cells[0], item.item)
        _cell(cells[1], f"{item.provider}, in-kind", align=right)
        _cell(cells[2], item.description)
    for label, entries in (
        ("Budget Notes", budget["notes"]),
        ("Assumptions", budget["assumptions"]),
    ):
        if entries:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = INDENT
            paragraph.paragraph_format.space_before = Pt(10)
            paragraph.add_run(label).bold = True
            for entry in entries:
                bullet = document.add_paragraph()
                fmt = bullet.paragraph_format
                fmt.left_indent, fmt.first_line_indent = INDENT + Mm(5), Mm(-5)
                fmt.tab_stops.add_tab_stop(INDENT + Mm(5))
                bullet.add_run("•\t")
                _runs(bullet, entry.text)


def workplan_docx(*, context: dict, title: str, subject: str, author: str) -> bytes:
    """The Word file of the plan in `context` (see reporting.selectors), as bytes."""
    plan = context["plan"]
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(22)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Serif", Pt(10)
    normal.paragraph_format.space_after = Pt(6)
    properties = document.core_properties
    properties.title, properties.subject, properties.author = title, subject, author
    properties.language, properties.keywords = "en", plan.symbol

    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.add_run(plan.symbol).bold = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _field(footer, "PAGE")
    first_footer = section.first_page_footer.paragraphs[0]
    first_footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _field(first_footer, "PAGE")

    _masthead(document, context)
    _summary(document, context)
    for doc_section in context["document"].sections:
        _heading(document, f"{doc_section.numeral}.", doc_section.title, size=12)
        if doc_section.kind == "paragraphs":
            groups = [(None, doc_section.direct_paragraphs)] + [
                (sub, sub.paragraph_list) for sub in doc_section.subsection_list
            ]
            for subsection, paragraphs in groups:
                if subsection is not None:
                    _heading(document, f"{subsection.letter}.", subsection.title, size=10)
                for paragraph in paragraphs:
                    _numbered(document, f"{paragraph.number}.", paragraph.text)
                    for item in paragraph.item_list:
                        _numbered(document, f"({item.letter})", item.text, lettered=True)
        elif doc_section.kind == "results":
            _results(document, context)
        elif doc_section.kind == "budget":
            _budget(document, context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
