"""The answers the tests type into the data-entry workbooks, and the figures `b2c score` must give for them,
worked out by hand (the arithmetic is in the comments)."""

from __future__ import annotations

from .kit import DK, EXAMPLE_STATEMENTS, Answer

Row = tuple[int | None, list[Answer], list[str | None]]

YOUNG, OLD = "25-39 år", "65 år eller derover"
# The example's six statements in workbook order: S1, S2 belonging (two items); S3 trust; S4 co-creation;
# S5, S6 tryghed, where S6 ("... jeg undgår, fordi jeg føler mig utryg") is reverse-worded.
# Each row: respondent number, answers to S1..S6 (5 = Helt enig ... 1 = Helt uenig, DK = Ved ikke, None =
# left blank), then the two background questions (age band, years lived in Hedemarken).
EXAMPLE_ROWS: list[Row] = [
    (1, [5, 4, 5, 4, 5, 1], [YOUNG, "2-10 år"]),
    (2, [4, 4, 2, DK, 4, 2], [YOUNG, "Under 2 år"]),
    (3, [5, 2, 4, 3, 3, 4], [YOUNG, "Over 10 år"]),
    (4, [3, 3, DK, 5, 5, None], [YOUNG, "2-10 år"]),
    (5, [DK, DK, 1, 4, None, None], [YOUNG, "2-10 år"]),
    (6, [2, 5, 5, 4, 4, 5], [YOUNG, "Under 2 år"]),
    (7, [5, 5, 4, 2, 2, 1], [OLD, "Over 10 år"]),
    (8, [None, 5, 3, 5, 5, 2], [OLD, "Over 10 år"]),
    (9, [4, 3, 4, None, DK, DK], [OLD, "2-10 år"]),
    (10, [1, 2, 5, 5, 1, 5], [OLD, "Over 10 år"]),
    (11, [4, 5, DK, 4, 4, 1], [OLD, None]),
    (12, [5, 4, 4, 4, 5, 3], [OLD, "Over 10 år"]),
]

# Items: the share of valid answers that are 4 or 5 (for the reverse-worded S6: 1 or 2).
#   S1: 5 4 5 3 DK 2 5 - 4 1 4 5 -> valid 10 (1 DK, 1 blank), positive 5,4,5,5,4,4,5 = 7 -> 70.0
#   S2: 4 4 2 3 DK 5 5 5 3 2 5 4 -> valid 11 (1 DK), positive 4,4,5,5,5,5,4 = 7 -> 7/11 = 63.6
#   S3: 5 2 4 DK 1 5 4 3 4 5 DK 4 -> valid 10 (2 DK), positive 5,4,5,4,4,5,4 = 7 -> 70.0
#   S4: 4 DK 3 5 4 4 2 5 - 5 4 4 -> valid 10 (1 DK, 1 blank), positive 4,5,4,4,5,5,4,4 = 8 -> 80.0
#   S5: 5 4 3 5 - 4 2 5 DK 1 4 5 -> valid 10 (1 DK, 1 blank), positive 5,4,5,4,5,4,5 = 7 -> 70.0
#   S6 (reverse): 1 2 4 - - 5 1 2 DK 5 1 3 -> valid 9 (1 DK, 2 blank), positive 1,2,1,2,1 = 5 -> 5/9 = 55.6
EXPECTED_ITEMS = {
    EXAMPLE_STATEMENTS[0]: (70.0, 7, 10, 1, 1),
    EXAMPLE_STATEMENTS[1]: (63.6, 7, 11, 1, 0),
    EXAMPLE_STATEMENTS[2]: (70.0, 7, 10, 2, 0),
    EXAMPLE_STATEMENTS[3]: (80.0, 8, 10, 1, 1),
    EXAMPLE_STATEMENTS[4]: (70.0, 7, 10, 1, 1),
    EXAMPLE_STATEMENTS[5]: (55.6, 5, 9, 1, 2),
}
# Indicators: each respondent with a valid answer gets the mean of their valid answers (S6 mirrored: 6 - x)
# and is positive when the mean is at least 4.
#   belonging (S1, S2): r1 (5+4)/2 = 4.5 +   r2 4.0 +   r3 3.5   r4 3.0   r5 DK,DK -> don't know
#                       r6 3.5   r7 5.0 +   r8 (-,5) 5.0 +   r9 3.5   r10 1.5   r11 4.5 +   r12 4.5 +
#                       -> n 11, positive 6 -> 6/11 = 54.5; 1 don't know, 0 blank
#   trust (S3) and co-creation (S4): one item, so the item's figures.
#   tryghed (S5, S6 mirrored): r1 (5 + 6-1)/2 = 5.0 +   r2 (4+4)/2 = 4.0 +   r3 (3+2)/2 = 2.5
#                       r4 (5,-) 5.0 +   r5 blank   r6 (4+1)/2 = 2.5   r7 (2+5)/2 = 3.5   r8 (5+4)/2 = 4.5 +
#                       r9 DK,DK -> don't know   r10 (1+1)/2 = 1.0   r11 (4+5)/2 = 4.5 +   r12 (5+3)/2 = 4.0 +
#                       -> n 10, positive 6 -> 60.0; 1 don't know, 1 blank
#   Read unmirrored, tryghed would be r1 3.0, r2 3.0, r3 3.5, r4 5.0 +, r6 4.5 +, r7 1.5, r8 3.5, r10 3.0,
#   r11 2.5, r12 4.0 + -> 3/10 = 30.0, and S6 alone 4, 5, 5 of 9 -> 3/9 = 33.3.
EXPECTED = {
    "belonging": (54.5, 6, 11, 1, 0),
    "trust": (70.0, 7, 10, 2, 0),
    "co-creation": (80.0, 8, 10, 1, 1),
    "tryghed": (60.0, 6, 10, 1, 1),
}
UNMIRRORED_TRYGHED = (30.0, 3, 10, 1, 1)
UNMIRRORED_S6 = (33.3, 3, 9, 1, 2)
# By age band (`--segment alder`), rows 1-6 are 25-39 år and 7-12 are 65 år eller derover:
#   25-39:  belonging r1 +, r2 +, r3, r4, r6 -> 2/5 = 40.0   trust 5 2 4 1 5 -> 3/5 = 60.0
#           co-creation 4 3 5 4 4 -> 4/5 = 80.0             tryghed r1 +, r2 +, r3, r4 +, r6 -> 3/5 = 60.0
#   65+:    belonging r7 +, r8 +, r9, r10, r11 +, r12 + -> 4/6 = 66.7   trust 4 3 4 5 4 -> 4/5 = 80.0
#           co-creation 2 5 5 4 4 -> 4/5 = 80.0             tryghed r7, r8 +, r10, r11 +, r12 + -> 3/5 = 60.0
EXPECTED_SEGMENTS = {
    YOUNG: (
        6,
        {
            "belonging": (40.0, 2, 5),
            "trust": (60.0, 3, 5),
            "co-creation": (80.0, 4, 5),
            "tryghed": (60.0, 3, 5),
        },
    ),
    OLD: (
        6,
        {
            "belonging": (66.7, 4, 6),
            "trust": (80.0, 4, 5),
            "co-creation": (80.0, 4, 5),
            "tryghed": (60.0, 3, 5),
        },
    ),
}


# A fresh scaffold: three statements (belonging, trust, co-creation), no background questions.
#   S1: 5 4 3 - 2 5 DK -> valid 5 (1 DK, 1 blank), positive 5,4,5 = 3 -> 60.0
#   S2: 4 2 DK 5 4 1 4 -> valid 6 (1 DK), positive 4,5,4,4 = 4 -> 4/6 = 66.7
#   S3: DK 5 4 1 - 4 5 -> valid 5 (1 DK, 1 blank), positive 5,4,4,5 = 4 -> 80.0
SCAFFOLD_ROWS: list[Row] = [
    (1, [5, 4, DK], []),
    (2, [4, 2, 5], []),
    (3, [3, DK, 4], []),
    (4, [None, 5, 1], []),
    (5, [2, 4, None], []),
    (6, [5, 1, 4], []),
    (None, [DK, 4, 5], []),  # the typist forgot the number: still a response
]
SCAFFOLD_EXPECTED = {
    "belonging": (60.0, 3, 5, 1, 1),
    "trust": (66.7, 4, 6, 1, 0),
    "co-creation": (80.0, 4, 5, 1, 1),
}
