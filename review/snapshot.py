"""A plan's content frozen as JSON, its hash, and the list of comparable passages a redline
aligns (paragraphs, lettered items, summary, outcomes/outputs/activities, budget)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder

from budget import serializers as budget_serializers
from budget.selectors import budget_section
from workplan.selectors import plan_document
from workplan.serializers import PlanDetailOut

# Workflow fields change without the content changing; they are not part of a version.
_VOLATILE = ("status", "version", "updated_at")


def plan_content(*, plan) -> dict:
    """The plan's structured content and its budget (section VI) as a JSON-safe dict."""
    budget = budget_section(plan=plan)
    data = dict(
        PlanDetailOut(plan, context={"document": plan_document(plan=plan), "budget": budget}).data
    )
    for field in _VOLATILE:
        data.pop(field, None)
    data["budget"] = {
        "lines": budget_serializers.CostLineOutputSerializer(budget["lines"], many=True).data,
        "total": budget["total"],
        "in_kind": budget_serializers.InKindOutputSerializer(budget["in_kind"], many=True).data,
        "notes": budget_serializers.BudgetNoteOutputSerializer(budget["notes"], many=True).data,
        "assumptions": budget_serializers.BudgetNoteOutputSerializer(
            budget["assumptions"], many=True
        ).data,
    }
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def canonical_json(content: dict) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(content: dict) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Passage:
    """One comparable unit of a version: `key` is stable across versions (the record's id)."""

    key: str
    label: str
    text: str


def passages(content: dict) -> list[Passage]:
    """The version's passages in document order."""
    out: list[Passage] = []
    summary = content.get("summary") or {}
    out.append(Passage("plan:title", "Title", content.get("title", "")))
    out.append(
        Passage("summary:main", "Summary: main objective", summary.get("main_objective", ""))
    )
    for kind, label in (
        ("specific_objectives", "Summary: specific objective"),
        ("expected_outcomes", "Summary: expected outcome"),
    ):
        for index, item in enumerate(summary.get(kind) or [], start=1):
            out.append(Passage(f"summary:{item['id']}", f"{label} {index}", item["text"]))

    def paragraph(p):
        out.append(Passage(f"paragraph:{p['id']}", f"Paragraph {p['number']}", p["text"]))
        for item in p.get("items") or []:
            out.append(
                Passage(
                    f"item:{item['id']}", f"Paragraph {p['number']}({item['letter']})", item["text"]
                )
            )

    for section in content.get("sections") or []:
        out.append(
            Passage(f"section:{section['id']}", f"Section {section['numeral']}", section["title"])
        )
        for p in section.get("paragraphs") or []:
            paragraph(p)
        for sub in section.get("subsections") or []:
            out.append(
                Passage(
                    f"subsection:{sub['id']}",
                    f"Section {section['numeral']}.{sub['letter']}",
                    sub["title"],
                )
            )
            for p in sub.get("paragraphs") or []:
                paragraph(p)
    for outcome in content.get("outcomes") or []:
        out.append(
            Passage(f"outcome:{outcome['id']}", f"Outcome {outcome['number']}", outcome["text"])
        )
        for output in outcome.get("outputs") or []:
            out.append(
                Passage(f"output:{output['id']}", f"Output {output['number']}", output["text"])
            )
            for activity in output.get("activities") or []:
                out.append(
                    Passage(
                        f"activity:{activity['id']}",
                        f"Activity {activity['number']}",
                        activity["text"],
                    )
                )
    budget = content.get("budget") or {}
    for line in budget.get("lines") or []:
        text = f"{line['category_label']}: CHF {line['amount_chf']}"
        if line.get("note"):
            text += f" ({line['note']})"
        out.append(
            Passage(f"costline:{line['id']}", f"Budget line: {line['category_label']}", text)
        )
    out.append(Passage("budget:total", "Budget total", f"CHF {budget.get('total', '')}"))
    for index, item in enumerate(budget.get("in_kind") or [], start=1):
        text = f"{item['item']} ({item['provider']}) {item.get('description', '')}".strip()
        out.append(Passage(f"inkind:{item['id']}", f"In-kind contribution {index}", text))
    for kind, label in (("notes", "Budget note"), ("assumptions", "Budget assumption")):
        for index, note in enumerate(budget.get(kind) or [], start=1):
            out.append(Passage(f"note:{note['id']}", f"{label} {index}", note["text"]))
    return out
