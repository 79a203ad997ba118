import pytest

from isu_portal.errors import DomainError
from meetings import selectors, services
from meetings.models import AgendaItem, roman_numeral
from tests.factories import MeetingFactory


def numbers(meeting):
    return [(row.label, row.item.title) for row in selectors.agenda_numbered(meeting=meeting)]


def test_items_and_sub_items_are_numbered_from_their_order(meeting):
    items = [services.agenda_item_add(meeting=meeting, title=f"T{n}") for n in range(1, 11)]
    services.agenda_item_add(meeting=meeting, title="Article 3", parent=items[9])
    services.agenda_item_add(meeting=meeting, title="Article 4", parent=items[9])
    rows = numbers(meeting)
    assert rows[9:] == [
        ("Item 10", "T10"),
        ("Item 10(i)", "Article 3"),
        ("Item 10(ii)", "Article 4"),
    ]


def test_moving_and_removing_renumber(meeting):
    first = services.agenda_item_add(meeting=meeting, title="Opening")
    second = services.agenda_item_add(meeting=meeting, title="Election")
    services.agenda_item_add(meeting=meeting, title="Adoption")
    services.agenda_item_move(item=second, offset=-1)
    assert [t for _, t in numbers(meeting)] == ["Election", "Opening", "Adoption"]
    services.agenda_item_delete(item=AgendaItem.objects.get(pk=first.pk))
    assert numbers(meeting) == [("Item 1", "Election"), ("Item 2", "Adoption")]
    with pytest.raises(DomainError, match="already at that end"):
        services.agenda_item_move(item=AgendaItem.objects.get(title="Election"), offset=-1)


def test_no_sub_sub_items_and_no_items_across_meetings(meeting):
    item = services.agenda_item_add(meeting=meeting, title="Reports")
    sub = services.agenda_item_add(meeting=meeting, title="Art. 7", parent=item)
    with pytest.raises(DomainError, match="Sub-items cannot"):
        services.agenda_item_add(meeting=meeting, title="Deeper", parent=sub)
    with pytest.raises(DomainError, match="another meeting"):
        services.agenda_item_add(meeting=MeetingFactory(short_name="X"), title="x", parent=item)
    with pytest.raises(DomainError, match="needs a title"):
        services.agenda_item_add(meeting=meeting, title=" ")
    assert AgendaItem.objects.count() == 2


def test_roman_numerals():
    assert [roman_numeral(n) for n in (1, 4, 9, 14, 19, 40)] == [
        "i",
        "iv",
        "ix",
        "xiv",
        "xix",
        "xl",
    ]


def test_first_and_last_siblings_are_marked(meeting):
    first = services.agenda_item_add(meeting=meeting, title="A")
    services.agenda_item_add(meeting=meeting, title="B")
    services.agenda_item_add(meeting=meeting, title="A.1", parent=first)
    rows = selectors.agenda_numbered(meeting=meeting)
    assert [(r.number, r.first, r.last) for r in rows] == [
        ("1", True, False),
        ("1(i)", True, True),
        ("2", False, True),
    ]
