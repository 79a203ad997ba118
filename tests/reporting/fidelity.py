"""Word-by-word comparison of a rendered work plan with the text of CCM/MSP/2024/3.

The seed text was extracted from the official PDF and carries debris (listed in the seed's
README); `corrected_seed_text` undoes each item, so the comparison measures the document and
not the extraction."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from pathlib import Path

SEED = Path(__file__).parent / "data" / "ccm_msp_2024_3.txt"

RESULTS_HEADER = "Outcomes\tOutputs\tActivities"
COST_TABLE_START = "Cost\tAmount in chf\tNotes"
BUDGET_HEADING = "VI. 2025 Budget of the Implementation Support Unit"


def corrected_seed_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    # 1. The lines "CCM/", "CCM/MSP/2024/3" and "24/3" near the end are the original's page
    #    header, not content.
    text = re.sub(r"^\s*(CCM/|CCM/MSP/2024/3|24/3)\s*$", "", text, flags=re.MULTILINE)
    # 2. Fourth row of the outcomes table: the first letters of lines were cut.
    for cut, whole in (
        ("tates Parties have acted on neir", "States Parties have acted on their"),
        ("elaborated by ne Lausanne", "elaborated by the Lausanne"),
        ("Action Plan nd have", "Action Plan and have"),
        ("on them as equired by", "on them as required by"),
    ):
        assert cut in text, cut
        text = text.replace(cut, whole)
    # 3. "^{*}" is the footnote mark on the title (and before the footnote's text).
    text = text.replace("^{*}", "*")
    # 4. The table's header row repeats once per page of the original: keep the first only
    #    (the rendered table repeats it on its own pages, which need not be the same).
    first = text.index(RESULTS_HEADER) + len(RESULTS_HEADER)
    text = text[:first] + text[first:].replace(RESULTS_HEADER, "")
    # 5. Section VI's heading comes before the cost table in the document.
    table_at, heading_at = text.index(COST_TABLE_START), text.index(BUDGET_HEADING)
    assert table_at < heading_at
    text = (
        text[:table_at]
        + BUDGET_HEADING
        + "\n\n"
        + text[table_at:heading_at]
        + text[heading_at + len(BUDGET_HEADING) :]
    )
    # 6. Summary: "Expected Outcomes:" is the left column's label; the extraction put the
    #    right column's first words between its two words.
    run_together = "Expected The Implementation Support Unit of the Convention Outcomes: has"
    assert run_together in text
    text = text.replace(
        run_together, "Expected Outcomes: The Implementation Support Unit of the Convention has"
    )
    # 7. Paragraphs 12(b) and 12(c) run together on one line: words and order are unaffected,
    #    so nothing to undo for a word comparison.
    return text


_EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?•-–—*\uf0b7\uf0a7"


def words(text: str) -> list[str]:
    """Lower-cased words with surrounding punctuation and bullets removed (tokens made only of
    punctuation, such as bullets and dashes, are dropped)."""
    result = []
    for token in text.split():
        token = token.strip(_EDGE_PUNCTUATION).lower()
        if token and any(ch.isalnum() for ch in token):
            result.append(token)
    return result


def in_order_ratio(expected: list[str], actual: list[str]) -> float:
    """Share of `expected`'s words that appear, in order, in `actual` (matching blocks of a
    longest-common-subsequence style alignment)."""
    matcher = SequenceMatcher(None, expected, actual, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(expected)
