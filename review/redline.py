"""Word-level comparison of two versions, passage by passage.

Passages are matched by the record they come from (a paragraph keeps its id when edited, even
if its number changes); inside a matched pair, difflib compares word tokens (whitespace kept
with the word before it, so that the rendering reads naturally)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from review.snapshot import Passage, passages

_TOKENS = re.compile(r"\S+\s*|\s+")


@dataclass
class Segment:
    op: str  # "equal" | "insert" | "delete"
    text: str


@dataclass
class PassageDiff:
    key: str
    label: str
    change: str  # "unchanged" | "changed" | "added" | "removed"
    segments: list[Segment] = field(default_factory=list)

    @property
    def inserted_words(self) -> list[str]:
        return [w for s in self.segments if s.op == "insert" for w in s.text.split()]

    @property
    def deleted_words(self) -> list[str]:
        return [w for s in self.segments if s.op == "delete" for w in s.text.split()]


def word_diff(old: str, new: str) -> list[Segment]:
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    # Compare the words without their trailing blanks, so that "word " and "word" match.
    matcher = difflib.SequenceMatcher(
        a=[t.strip() for t in a], b=[t.strip() for t in b], autojunk=False
    )
    segments: list[Segment] = []

    def add(op, text):
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1].text += text
        else:
            segments.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", "".join(b[j1:j2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return segments


def compare(old_content: dict, new_content: dict) -> list[PassageDiff]:
    """Every passage of both versions in the new version's order (removed ones where they
    stood in the old one), each with its word-level changes."""
    old = {p.key: p for p in passages(old_content)}
    new_list = passages(new_content)
    new = {p.key: p for p in new_list}
    result: list[PassageDiff] = []
    old_order = list(old)
    emitted_old: set[str] = set()

    def removed_before(key: str) -> None:
        # Emit the old passages that vanished and stood before `key` in the old version.
        if key not in old:
            return
        for old_key in old_order[: old_order.index(key)]:
            if old_key not in new and old_key not in emitted_old:
                emitted_old.add(old_key)
                p: Passage = old[old_key]
                result.append(PassageDiff(p.key, p.label, "removed", [Segment("delete", p.text)]))

    for p in new_list:
        removed_before(p.key)
        if p.key not in old:
            result.append(PassageDiff(p.key, p.label, "added", [Segment("insert", p.text)]))
            continue
        before = old[p.key]
        if before.text == p.text:
            result.append(PassageDiff(p.key, p.label, "unchanged", [Segment("equal", p.text)]))
        else:
            label = p.label if p.label == before.label else f"{p.label} (was {before.label})"
            result.append(PassageDiff(p.key, label, "changed", word_diff(before.text, p.text)))
    for old_key in old_order:
        if old_key not in new and old_key not in emitted_old:
            p = old[old_key]
            result.append(PassageDiff(p.key, p.label, "removed", [Segment("delete", p.text)]))
    return result


def changed_only(diffs: list[PassageDiff]) -> list[PassageDiff]:
    return [d for d in diffs if d.change != "unchanged"]
