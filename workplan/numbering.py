"""Numbers and letters of the document, computed from order (never stored)."""

_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(number: int) -> str:
    """1 -> "I", 4 -> "IV": the numerals of the sections."""
    if number < 1:
        raise ValueError("roman numerals start at 1")
    result = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        result.append(numeral * count)
    return "".join(result)


def letter(number: int, *, upper: bool = False) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa", 28 -> "bb": the UN Editorial Manual's sub-paragraphs
    (and, upper-case, the sub-sections A, B, ...)."""
    if number < 1:
        raise ValueError("letters start at 1")
    repeat, index = divmod(number - 1, 26)
    text = chr(ord("a") + index) * (repeat + 1)
    return text.upper() if upper else text
