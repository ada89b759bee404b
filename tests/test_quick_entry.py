"""Examples for every quick-entry form, and for every way a line can fail to be read."""

from __future__ import annotations

from datetime import date

import pytest

from facilitate.models.enums import Attribution, DecisionMethod, DecisionOutcome, Visibility
from facilitate.services.dates import DATE_HINT
from facilitate.services.run import quick_entry
from facilitate.services.run.quick_entry import (
    METHOD_ALIASES,
    UNEXPECTED_PROBLEM,
    EntryKind,
    QuickEntry,
    VoteCounts,
    parse_line,
)

TODAY = date(2026, 11, 20)
NEXT_FRIDAY = date(2026, 11, 27)


def parse(line: str) -> QuickEntry:
    return parse_line(line, TODAY)


def assert_fallback(line: str, *problems: str) -> QuickEntry:
    """The line was not understood: kept whole as a note, with these problems in order."""
    entry = parse(line)
    assert entry.kind is EntryKind.NOTE
    assert entry.text == line.strip()
    assert entry.raw == line
    assert entry.problems == problems
    assert entry.tokens == ()
    assert entry.warnings == ()
    assert not entry.is_empty
    return entry


def test_today_is_a_friday() -> None:
    assert TODAY.strftime("%A") == "Friday"


# -- notes ----------------------------------------------------------------------------------------


def test_plain_text_is_a_note() -> None:
    entry = parse("Court liaison joined at 10:15")
    assert entry == QuickEntry(
        kind=EntryKind.NOTE,
        text="Court liaison joined at 10:15",
        raw="Court liaison joined at 10:15",
    )


def test_slash_n_is_a_note_and_the_command_is_not_part_of_the_text() -> None:
    entry = parse("/n family advocate asked about transport")
    assert entry.kind is EntryKind.NOTE
    assert entry.text == "family advocate asked about transport"
    assert entry.tokens == ("/n",)
    assert entry.problems == ()


def test_note_text_is_whitespace_collapsed_and_raw_is_untouched() -> None:
    line = "  /n   two   spaces\there  "
    entry = parse(line)
    assert entry.text == "two spaces here"
    assert entry.raw == line


def test_action_and_decision_tokens_are_ordinary_words_in_a_note() -> None:
    entry = parse("report due:fri per @maria method:vote for:3 org:DCFS")
    assert entry.kind is EntryKind.NOTE
    assert entry.text == "report due:fri per @maria method:vote for:3 org:DCFS"
    assert entry.owner_handle is None
    assert entry.due is None
    assert entry.problems == ()


def test_text_that_merely_contains_slashes_or_symbols_is_a_plain_note() -> None:
    for line in [
        "N/A for now",
        "/ not a command",
        "/5 of partners",
        "~5 people, @ the court",
        "#1",
    ]:
        entry = parse(line)
        assert entry.kind is EntryKind.NOTE
        assert entry.text == line
        assert entry.problems == ()


@pytest.mark.parametrize(
    ("token", "attribution", "org"),
    [
        ("~org:DCFS", Attribution.ORGANIZATION, "DCFS"),
        ("~ORG:casa", Attribution.ORGANIZATION, "casa"),
        ("~org:A&B", Attribution.ORGANIZATION, "A&B"),
        ("~participant", Attribution.PARTICIPANT, None),
        ("~none", Attribution.NONE, None),
        ("~None", Attribution.NONE, None),
    ],
)
def test_attribution_on_notes(token: str, attribution: Attribution, org: str | None) -> None:
    for line in (f"waitlists are long {token}", f"/n {token} waitlists are long"):
        entry = parse(line)
        assert entry.kind is EntryKind.NOTE
        assert entry.text == "waitlists are long"
        assert entry.attribution is attribution
        assert entry.attribution_org == org
        assert token in entry.tokens


def test_attribution_on_a_parking_item() -> None:
    entry = parse("/p housing vouchers ~participant")
    assert entry.kind is EntryKind.PARKING
    assert entry.attribution is Attribution.PARTICIPANT


def test_attribution_is_plain_text_on_actions_and_decisions() -> None:
    assert parse("/a call the judge ~none").text == "call the judge ~none"
    assert parse("/d keep minutes brief ~org:DCFS").text == "keep minutes brief ~org:DCFS"
    assert parse("/a call the judge ~none").attribution is None


def test_unknown_tilde_words_are_text() -> None:
    entry = parse("~approximately 40 families ~participants")
    assert entry.text == "~approximately 40 families ~participants"
    assert entry.attribution is None


# -- visibility -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "visibility"),
    [
        ("#public", Visibility.PUBLIC),
        ("#partners", Visibility.PARTNERS),
        ("#partner", Visibility.PARTNERS),
        ("#internal", Visibility.INTERNAL),
        ("#confidential", Visibility.CONFIDENTIAL),
        ("#conf", Visibility.CONFIDENTIAL),
        ("#CONF", Visibility.CONFIDENTIAL),
        ("#Public", Visibility.PUBLIC),
    ],
)
@pytest.mark.parametrize("command", ["", "/n ", "/d ", "/a ", "/p "])
def test_visibility_tag_on_every_kind(tag: str, visibility: Visibility, command: str) -> None:
    entry = parse(f"{command}{tag} the text here")
    assert entry.problems == ()
    assert entry.visibility is visibility
    assert entry.text == "the text here"


def test_no_visibility_tag_leaves_visibility_unset() -> None:
    assert parse("/d adopt the charter").visibility is None


def test_other_hashtags_are_text() -> None:
    entry = parse("/n #budget and #public-health #publicity")
    assert entry.text == "#budget and #public-health #publicity"
    assert entry.visibility is None


# -- decisions ------------------------------------------------------------------------------------


def test_full_decision() -> None:
    entry = parse(
        "/d adopt the shared referral form method:vote outcome:adopted for:5 against:1"
        " abstain:2 review:12/5 #partners"
    )
    assert entry.kind is EntryKind.DECISION
    assert entry.text == "adopt the shared referral form"
    assert entry.method is DecisionMethod.MAJORITY_VOTE
    assert entry.outcome is DecisionOutcome.ADOPTED
    assert entry.counts == VoteCounts(in_favor=5, against=1, abstain=2)
    assert entry.review_date == date(2026, 12, 5)
    assert entry.visibility is Visibility.PARTNERS
    assert entry.tokens == (
        "/d",
        "method:vote",
        "outcome:adopted",
        "for:5",
        "against:1",
        "abstain:2",
        "review:12/5",
        "#partners",
    )
    assert entry.problems == ()
    assert entry.warnings == ()


def test_bare_decision_has_no_method_outcome_or_counts() -> None:
    entry = parse("/d meet monthly from January")
    assert entry.kind is EntryKind.DECISION
    assert entry.text == "meet monthly from January"
    assert (entry.method, entry.outcome, entry.counts, entry.review_date) == (None,) * 4
    assert entry.warnings == ()


def test_long_and_capitalised_commands() -> None:
    assert parse("/decision keep it").kind is EntryKind.DECISION
    assert parse("/D keep it").kind is EntryKind.DECISION
    assert parse("/Action do it").kind is EntryKind.ACTION
    assert parse("/park later").kind is EntryKind.PARKING
    assert parse("/parking later").kind is EntryKind.PARKING
    assert parse("/NOTE said it").kind is EntryKind.NOTE


@pytest.mark.parametrize(
    ("word", "method"),
    [
        ("consensus", DecisionMethod.CONSENSUS),
        ("consent", DecisionMethod.CONSENT),
        ("fist", DecisionMethod.FIST_TO_FIVE),
        ("fist-to-five", DecisionMethod.FIST_TO_FIVE),
        ("fist_to_five", DecisionMethod.FIST_TO_FIVE),
        ("Fist-Of-Five", DecisionMethod.FIST_TO_FIVE),
        ("gradients", DecisionMethod.GRADIENTS_OF_AGREEMENT),
        ("gradient", DecisionMethod.GRADIENTS_OF_AGREEMENT),
        ("gradients_of_agreement", DecisionMethod.GRADIENTS_OF_AGREEMENT),
        ("gradients-of-agreement", DecisionMethod.GRADIENTS_OF_AGREEMENT),
        ("vote", DecisionMethod.MAJORITY_VOTE),
        ("majority", DecisionMethod.MAJORITY_VOTE),
        ("majority_vote", DecisionMethod.MAJORITY_VOTE),
        ("MAJORITY-VOTE", DecisionMethod.MAJORITY_VOTE),
        ("other", DecisionMethod.OTHER),
    ],
)
def test_decision_methods(word: str, method: DecisionMethod) -> None:
    entry = parse(f"/d adopt it method:{word}")
    assert entry.method is method
    assert entry.text == "adopt it"


def test_every_method_value_is_accepted() -> None:
    for method in DecisionMethod:
        assert METHOD_ALIASES[method.value] is method
        assert parse(f"/d x METHOD:{method.value}").method is method


@pytest.mark.parametrize(
    ("word", "outcome"),
    [
        ("adopted", DecisionOutcome.ADOPTED),
        ("approved", DecisionOutcome.ADOPTED),
        ("passed", DecisionOutcome.ADOPTED),
        ("not_adopted", DecisionOutcome.NOT_ADOPTED),
        ("not-adopted", DecisionOutcome.NOT_ADOPTED),
        ("rejected", DecisionOutcome.NOT_ADOPTED),
        ("failed", DecisionOutcome.NOT_ADOPTED),
        ("deferred", DecisionOutcome.DEFERRED),
        ("postponed", DecisionOutcome.DEFERRED),
        ("Deferred", DecisionOutcome.DEFERRED),
    ],
)
def test_decision_outcomes(word: str, outcome: DecisionOutcome) -> None:
    assert parse(f"/d adopt it outcome:{word}").outcome is outcome


def test_bare_outcome_words_are_text() -> None:
    entry = parse("/d rejected the old form, adopted the new one")
    assert entry.text == "rejected the old form, adopted the new one"
    assert entry.outcome is None


def test_partial_counts() -> None:
    assert parse("/d x for:7").counts == VoteCounts(in_favor=7)
    assert parse("/d x against:0 abstain:3").counts == VoteCounts(against=0, abstain=3)
    assert parse("/d x FOR:12").counts == VoteCounts(in_favor=12)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("review:12/5", date(2026, 12, 5)),
        ('review:"in 2 weeks"', date(2026, 12, 4)),
        ("review:in 2 weeks", date(2026, 12, 4)),
        ("review:2027-06-01", date(2027, 6, 1)),
        ("review:jun 1 2027", date(2027, 6, 1)),
        ("Review:eom", date(2026, 11, 30)),
    ],
)
def test_decision_review_date(token: str, expected: date) -> None:
    entry = parse(f"/d pilot the form {token} #public")
    assert entry.review_date == expected
    assert entry.text == "pilot the form"
    assert token in entry.tokens


def test_past_review_date_is_a_warning() -> None:
    entry = parse("/d x review:2026-01-01")
    assert entry.kind is EntryKind.DECISION
    assert entry.review_date == date(2026, 1, 1)
    assert entry.warnings == ("review date 2026-01-01 is before the meeting (2026-11-20)",)


def test_action_tokens_are_text_in_a_decision() -> None:
    entry = parse("/d ask @maria to draft it due:fri")
    assert entry.kind is EntryKind.DECISION
    assert entry.text == "ask @maria to draft it due:fri"
    assert entry.owner_handle is None
    assert entry.due is None


# -- actions --------------------------------------------------------------------------------------


def test_full_action() -> None:
    entry = parse("/a send the MOU draft @maria due:fri org:DCFS #internal")
    assert entry == QuickEntry(
        kind=EntryKind.ACTION,
        text="send the MOU draft",
        raw="/a send the MOU draft @maria due:fri org:DCFS #internal",
        owner_handle="maria",
        due=NEXT_FRIDAY,
        org_short="DCFS",
        visibility=Visibility.INTERNAL,
        tokens=("/a", "@maria", "due:fri", "org:DCFS", "#internal"),
    )


def test_tokens_may_come_first_or_between_words() -> None:
    entry = parse("/a due:tomorrow @jo call the clerk org:court about dates")
    assert entry.text == "call the clerk about dates"
    assert entry.owner_handle == "jo"
    assert entry.due == date(2026, 11, 21)
    assert entry.org_short == "court"


@pytest.mark.parametrize(
    ("token", "handle"),
    [
        ("@maria", "maria"),
        ("@m.lopez", "m.lopez"),
        ("@m_lopez-2", "m_lopez-2"),
        ("@Maria", "Maria"),
        ("@josé", "josé"),
        ('@"Maria Lopez"', "Maria Lopez"),
        ('@"Maria  Lopez"', "Maria Lopez"),
        ('@"Siobhan O\'Brien-Ng"', "Siobhan O'Brien-Ng"),
        ('@"Dr. T. Nguyen"', "Dr. T. Nguyen"),
    ],
)
def test_action_owner(token: str, handle: str) -> None:
    entry = parse(f"/a draft the agenda {token} due:fri")
    assert entry.problems == ()
    assert entry.owner_handle == handle
    assert entry.text == "draft the agenda"
    assert token in entry.tokens


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("due:fri", NEXT_FRIDAY),
        ("due:friday", NEXT_FRIDAY),
        ("due:12/5", date(2026, 12, 5)),
        ("due:12/5/2026", date(2026, 12, 5)),
        ("due:2026-12-05", date(2026, 12, 5)),
        ("due:tomorrow", date(2026, 11, 21)),
        ("due:tmrw", date(2026, 11, 21)),
        ("due:eow", TODAY),
        ("due:eom", date(2026, 11, 30)),
        ("DUE:Fri", NEXT_FRIDAY),
        ('due:"next week"', date(2026, 11, 23)),
        ('due:"next fri"', NEXT_FRIDAY),
        ('due:"in 3 days"', date(2026, 11, 23)),
        ('due:"Dec 5, 2026"', date(2026, 12, 5)),
        ('due:"end of month"', date(2026, 11, 30)),
        ('due:" next  week "', date(2026, 11, 23)),
        # Unquoted multi-word forms: the longest run of words that reads as a date.
        ("due:next week", date(2026, 11, 23)),
        ("due:next fri", NEXT_FRIDAY),
        ("due:in 3 days", date(2026, 11, 23)),
        ("due:in 2 weeks", date(2026, 12, 4)),
        ("due:dec 5", date(2026, 12, 5)),
        ("due:5 dec", date(2026, 12, 5)),
        ("due:dec 5 2027", date(2027, 12, 5)),
        ("due:end of month", date(2026, 11, 30)),
    ],
)
def test_action_due_date(token: str, expected: date) -> None:
    entry = parse(f"/a draft the agenda {token} @maria")
    assert entry.problems == ()
    assert entry.due == expected
    assert entry.text == "draft the agenda"
    assert entry.tokens == ("/a", token, "@maria")


def test_unquoted_date_stops_where_the_date_stops() -> None:
    entry = parse("/a print due:dec 5 copies for all")
    assert entry.due == date(2026, 12, 5)
    assert entry.text == "print copies for all"
    entry = parse("/a print due:fri 5 copies")
    assert entry.due == NEXT_FRIDAY
    assert entry.text == "print 5 copies"
    entry = parse("/a book due:12/5 2026 budget room")
    assert entry.due == date(2026, 12, 5)
    assert entry.text == "book 2026 budget room"


def test_org_short_names() -> None:
    assert parse("/a x org:DCFS").org_short == "DCFS"
    assert parse("/a x ORG:st.vincent").org_short == "st.vincent"
    assert parse("/a x org:A&B").org_short == "A&B"
    assert parse("/a x org:tribe-7").org_short == "tribe-7"


def test_action_without_owner_or_due_date_is_still_an_action_with_warnings() -> None:
    entry = parse("/a find a room")
    assert entry.kind is EntryKind.ACTION
    assert entry.text == "find a room"
    assert entry.problems == ()
    assert entry.warnings == (
        'no owner yet: add @name or @"Full Name"',
        "no due date yet: add due:DATE, e.g. due:fri",
    )
    assert parse("/a find a room @jo").warnings == ("no due date yet: add due:DATE, e.g. due:fri",)
    assert parse("/a find a room due:fri").warnings == ('no owner yet: add @name or @"Full Name"',)
    assert parse("/a find a room due:fri @jo").warnings == ()


def test_a_due_date_before_the_meeting_is_questioned_not_refused() -> None:
    entry = parse("/a file the report @jo due:2026-11-01")
    assert entry.kind is EntryKind.ACTION
    assert entry.due == date(2026, 11, 1)
    assert entry.warnings == ("due date 2026-11-01 is before the meeting (2026-11-20)",)


def test_a_lone_at_sign_is_text() -> None:
    entry = parse("/a meet @ the courthouse @jo due:fri")
    assert entry.text == "meet @ the courthouse"
    assert entry.owner_handle == "jo"


def test_decision_tokens_are_text_in_an_action() -> None:
    entry = parse("/a tally method:vote for:3 @jo due:fri")
    assert entry.text == "tally method:vote for:3"
    assert entry.method is None


# -- parking lot ----------------------------------------------------------------------------------


def test_parking_item_with_and_without_follow_up_person() -> None:
    entry = parse("/p transport funding @jo #partners")
    assert entry.kind is EntryKind.PARKING
    assert entry.text == "transport funding"
    assert entry.owner_handle == "jo"
    assert entry.visibility is Visibility.PARTNERS
    assert entry.warnings == ()
    bare = parse("/p transport funding")
    assert bare.kind is EntryKind.PARKING
    assert bare.owner_handle is None
    assert bare.warnings == ()


def test_parking_item_with_quoted_person() -> None:
    assert parse('/p data sharing @"Ana Ruiz"').owner_handle == "Ana Ruiz"


def test_due_is_text_on_a_parking_item() -> None:
    assert parse("/p revisit due:fri").text == "revisit due:fri"


# -- empty ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["", " ", "\t\n", "\u3000"])
def test_blank_line_is_empty(line: str) -> None:
    entry = parse(line)
    assert entry.is_empty
    assert entry.kind is EntryKind.NOTE
    assert entry.text == ""
    assert entry.raw == line
    assert entry.problems == ()


def test_non_blank_lines_are_not_empty() -> None:
    assert not parse("x").is_empty
    assert not parse("/a").is_empty


# -- lines that cannot be read --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "noun", "example"),
    [
        ("/a", "action", "/a send the MOU draft @maria due:fri"),
        ("/d", "decision", "/d adopt the referral protocol method:consensus"),
        ("/p", "parking-lot item", "/p funding for transport @jo"),
        ("/n", "note", "/n court liaison joined"),
        ("  /A  ", "action", "/a send the MOU draft @maria due:fri"),
        ("/a @maria due:fri", "action", "/a send the MOU draft @maria due:fri"),
        ("/d method:vote #public", "decision", "/d adopt the referral protocol method:consensus"),
        ("/n #conf ~none", "note", "/n court liaison joined"),
    ],
)
def test_command_without_text(line: str, noun: str, example: str) -> None:
    command = line.split()[0]
    assert_fallback(line, f"nothing to record after {command}: type the {noun} too, e.g. {example}")


def test_plain_line_of_only_tags() -> None:
    entry = assert_fallback("#conf ~none", "only tags and no text: type what should be recorded")
    assert entry.visibility is Visibility.CONFIDENTIAL


@pytest.mark.parametrize("line", ["/x do something", "/todo call", "/dd x", "/a:x", "/Ünknown x"])
def test_unknown_command(line: str) -> None:
    first = line.split()[0]
    assert_fallback(
        line,
        f'unknown command "{first}": use /d (decision), /a (action), /p (parking lot) or /n (note)',
    )


def test_unreadable_due_date_message_matches_the_brief() -> None:
    assert_fallback(
        "/a send it @maria due:notadate",
        f'could not read due date "notadate": {DATE_HINT}',
    )
    assert DATE_HINT.startswith("try 2026-12-05, 12/5, ")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("/a x due:2/30", 'could not read due date "2/30": there is no February 30'),
        ("/a x due:13/1", 'could not read due date "13/1": there is no month 13'),
        ("/a x due:next", f'could not read due date "next": {DATE_HINT}'),
        ('/a x due:"next wk"', f'could not read due date "next wk": {DATE_HINT}'),
        ("/a x due:", "due: needs a date, e.g. due:fri or due:12/5"),
        ('/a x due:""', "due: needs a date, e.g. due:fri or due:12/5"),
        ("/d x review:someday", f'could not read review date "someday": {DATE_HINT}'),
        ("/d x review:", "review: needs a date, e.g. review:fri or review:12/5"),
    ],
)
def test_unreadable_dates(line: str, problem: str) -> None:
    assert_fallback(line, problem)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            "/d x method:coinflip",
            'unknown decision method "coinflip": use consensus, consent, fist, gradients, vote or'
            " other, e.g. method:consensus",
        ),
        (
            "/d x method:",
            'unknown decision method "": use consensus, consent, fist, gradients, vote or other,'
            " e.g. method:consensus",
        ),
        (
            "/d x outcome:maybe",
            'unknown outcome "maybe": use adopted, unanimous, not-adopted, deferred, tabled,'
            " withdrawn or referred:BODY, e.g. outcome:adopted",
        ),
        ("/d x for:abc", 'could not read count "for:abc": use a whole number, e.g. for:5'),
        ("/d x for:-1", 'could not read count "for:-1": use a whole number, e.g. for:5'),
        (
            "/d x against:2.5",
            'could not read count "against:2.5": use a whole number, e.g. against:5',
        ),
        ("/d x abstain:", 'could not read count "abstain:": use a whole number, e.g. abstain:5'),
        ("/d x for:1234567", 'could not read count "for:1234567": use a whole number, e.g. for:5'),
    ],
)
def test_unreadable_decision_tokens(line: str, problem: str) -> None:
    assert_fallback(line, problem)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            "/a x @maria,",
            'could not read owner "@maria,": use @handle (e.g. @maria) or @"Full Name"',
        ),
        (
            "/a x @maria.",
            'could not read owner "@maria.": use @handle (e.g. @maria) or @"Full Name"',
        ),
        ("/a x @3pm", 'could not read owner "@3pm": use @handle (e.g. @maria) or @"Full Name"'),
        (
            "/a x @a@b.org",
            'could not read owner "@a@b.org": use @handle (e.g. @maria) or @"Full Name"',
        ),
        ('/a x @""', 'could not read owner "@""": use @handle (e.g. @maria) or @"Full Name"'),
        (
            '/a x @"Maria #conf"',
            'could not read owner "@"Maria #conf"": use @handle (e.g. @maria) or @"Full Name"',
        ),
        (
            "/p x @jo!",
            'could not read follow-up person "@jo!": use @handle (e.g. @maria) or @"Full Name"',
        ),
        ('/a x @"Maria Lopez', 'missing closing quote in @"Maria Lopez'),
        ('/a x due:"next week', 'missing closing quote in due:"next week'),
        ('/a x @"Maria"x due:fri', 'put a space after the closing quote in @"Maria"x'),
        ('/a x due:"fri",', 'put a space after the closing quote in due:"fri",'),
        ("/a x org:", 'could not read organization "": use a short name, e.g. org:DCFS'),
        ("/a x org:DCFS,", 'could not read organization "DCFS,": use a short name, e.g. org:DCFS'),
        (
            '/a x org:"Big Org"',
            'could not read organization ""Big": use a short name, e.g. org:DCFS',
        ),
    ],
)
def test_unreadable_action_tokens(line: str, problem: str) -> None:
    assert_fallback(line, problem)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        # Two owners share an action (issue #17); the same one twice is a slip.
        ("/a x @a @a", "@a named twice as an owner: keep one"),
        (
            "/p x @a @b",
            "more than one follow-up person (@a, @b): keep one @ and write the others without it",
        ),
        ("/a x due:fri due:mon", "due date given twice (due:fri, due:mon): keep one"),
        ("/a x due:next week due:fri", "due date given twice (due:next week, due:fri): keep one"),
        ("/a x org:A org:B", "more than one organization (org:A, org:B): keep one"),
        (
            "/d x method:vote method:fist",
            "more than one decision method (method:vote, method:fist): keep one",
        ),
        (
            "/d x outcome:adopted outcome:deferred",
            "more than one outcome (outcome:adopted, outcome:deferred): keep one",
        ),
        ("/d x for:1 for:2", "for: given twice (for:1, for:2): keep one"),
        (
            "/d x review:fri review:mon",
            "review date given twice (review:fri, review:mon): keep one",
        ),
        ("x #public #conf", "more than one visibility tag (#public, #conf): keep one"),
        ("/a x #conf #conf", "more than one visibility tag (#conf, #conf): keep one"),
        ("x ~none ~participant", "more than one attribution (~none, ~participant): keep one"),
    ],
)
def test_fields_given_twice(line: str, problem: str) -> None:
    assert_fallback(line, problem)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("x ~org:", 'could not read organization in "~org:": use a short name, e.g. ~org:DCFS'),
        (
            "x ~org:a,b",
            'could not read organization in "~org:a,b": use a short name, e.g. ~org:DCFS',
        ),
        ("x #conf,", 'could not read visibility tag "#conf,": write it on its own, e.g. #conf'),
        (
            "/d x #Public.",
            'could not read visibility tag "#Public.": write it on its own, e.g. #Public',
        ),
    ],
)
def test_unreadable_note_tokens(line: str, problem: str) -> None:
    assert_fallback(line, problem)


def test_every_problem_in_a_line_is_reported_in_order() -> None:
    assert_fallback(
        "/d foo method:xyz for:abc #public #conf",
        'unknown decision method "xyz": use consensus, consent, fist, gradients, vote or other,'
        " e.g. method:consensus",
        'could not read count "for:abc": use a whole number, e.g. for:5',
        "more than one visibility tag (#public, #conf): keep one",
    )


def test_fallback_keeps_the_typed_spacing_inside_the_line() -> None:
    line = "\t/a  send   it  due:notadate \n"
    entry = assert_fallback(line, f'could not read due date "notadate": {DATE_HINT}')
    assert entry.text == "/a  send   it  due:notadate"


@pytest.mark.parametrize(
    ("line", "visibility"),
    [
        ("/a x due:notadate #conf", Visibility.CONFIDENTIAL),
        ("/a x due:notadate #public", Visibility.PUBLIC),
        ("x #public #internal", Visibility.INTERNAL),
        ("x #conf #public", Visibility.CONFIDENTIAL),
        ("/a x @maria, #partners", Visibility.PARTNERS),
        ("/a x #conf, due:fri", Visibility.CONFIDENTIAL),
        ("/x unknown #confidential!", Visibility.CONFIDENTIAL),
        ('/a x due:"fri #conf"', Visibility.CONFIDENTIAL),
        ("/a x due:notadate", None),
    ],
)
def test_fallback_keeps_the_narrowest_visibility_typed(
    line: str, visibility: Visibility | None
) -> None:
    entry = parse(line)
    assert entry.problems
    assert entry.text == line
    assert entry.visibility is visibility


def test_fallback_sets_no_parsed_fields() -> None:
    entry = parse("/a x @maria due:fri org:DCFS ~none due:notadate")
    assert entry.kind is EntryKind.NOTE
    assert (entry.owner_handle, entry.due, entry.org_short, entry.attribution) == (None,) * 4


def test_quick_entry_is_immutable() -> None:
    entry = parse("/a x")
    with pytest.raises(AttributeError):
        entry.text = "changed"  # type: ignore[misc]


def test_a_fault_in_the_parser_still_keeps_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> QuickEntry:
        raise RuntimeError("bug")

    monkeypatch.setattr(quick_entry, "_parse", broken)
    entry = parse("/a send it #conf @maria")
    assert entry.kind is EntryKind.NOTE
    assert entry.text == "/a send it #conf @maria"
    assert entry.problems == (UNEXPECTED_PROBLEM,)
    assert entry.visibility is Visibility.CONFIDENTIAL
