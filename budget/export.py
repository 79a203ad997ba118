"""The budget as an XLSX workbook: the cost table with last year and the variances, the
staffing, and the notes and assumptions. Figures are the same computations as the page."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from budget import selectors

WHOLE_FRANCS = "#,##0"
PERCENT = '0.0"%"'


def budget_workbook(*, plan, previous=None) -> bytes:
    budget = selectors.budget_page(plan=plan, previous=previous)
    book = Workbook()
    sheet = book.active
    sheet.title = f"Budget {plan.year}"
    bold = Font(bold=True)
    sheet.append([f"{plan.year} Budget of the Implementation Support Unit"])
    sheet["A1"].font = Font(bold=True, size=13)
    header = ["Cost", f"Amount in CHF {plan.year}"]
    if previous is not None:
        header += [f"Amount in CHF {previous.year}", "Variance CHF", "Variance %"]
    header.append("Notes")
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = bold
    for row in budget["rows"]:
        values = [row.label, row.current_rounded]
        if previous is not None:
            values += [row.previous_rounded, row.variance, row.variance_percent]
        values.append(row.line.note if row.line else "")
        sheet.append(values)
    total = ["Total", budget["total"]]
    if previous is not None:
        total += [
            budget["previous_total"],
            budget["total_variance"],
            budget["total_variance_percent"],
        ]
    total.append("")
    sheet.append(total)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for item in budget["in_kind"]:
        filler = [""] * (3 if previous is not None else 0)
        sheet.append([item.item, f"{item.provider}, in kind", *filler, item.description])
    money_columns = "BCD" if previous is not None else "B"
    for column in money_columns:
        for cell in sheet[column][2:]:
            if isinstance(cell.value, int | Decimal):
                cell.number_format = WHOLE_FRANCS
    if previous is not None:
        for cell in sheet["E"][2:]:
            cell.number_format = PERCENT
    sheet.column_dimensions["A"].width = 36
    for column in "BCDE":
        sheet.column_dimensions[column].width = 16
    notes_column = "F" if previous is not None else "C"
    sheet.column_dimensions[notes_column].width = 80
    for cell in sheet[notes_column]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")

    staff = book.create_sheet("Staffing")
    staff.append(["Position", "Share of time (%)", "Yearly cost in CHF"])
    for cell in staff[1]:
        cell.font = bold
    for position in budget["positions"]:
        staff.append([position.title, position.share_of_time, position.annual_cost])
    staff.column_dimensions["A"].width = 40
    staff.column_dimensions["C"].width = 20

    notes = book.create_sheet("Notes and assumptions")
    notes.append(["Budget Notes"])
    notes["A1"].font = bold
    for note in budget["notes"]:
        notes.append([note.text])
    notes.append([])
    notes.append(["Assumptions"])
    notes[f"A{notes.max_row}"].font = bold
    for assumption in budget["assumptions"]:
        notes.append([assumption.text])
    notes.column_dimensions["A"].width = 120

    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
