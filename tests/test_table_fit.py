"""How a table shares its width among its columns (`fit_widths`), and what a row loses to it
(`Table.cut_cells`), driven through a small app as a user resizes the window."""

from __future__ import annotations

from textual.app import App, ComposeResult

from facilitate.tui.widgets.table import Fit, Table, fit_widths

BODIES = [
    Fit("body", "Body"),
    Fit("series", "Series", flexible=True),
    Fit("members", "Members"),
    Fit("follow", "Follow-through"),
]
STEERING = [("s", ["Steering Committee", "Steering Committee monthly", "8", "3 of 4 on time"])]


def test_a_column_not_drawn_gives_its_padding_back() -> None:
    # At 56 cells Follow-through has no room; its two cells of padding were still set aside,
    # so Members was cut to "Member". Now they go to the columns drawn.
    assert fit_widths(BODIES, STEERING, 56) == [18, 25, 7, 0]


def test_everything_fits_when_there_is_room() -> None:
    assert fit_widths(BODIES, STEERING, 80) == [18, 26, 7, 14]


def test_the_least_important_column_is_cut_wherever_it_is_drawn() -> None:
    columns = [Fit("name", "Name"), Fit("org", "Organization", rank=1), Fit("status", "Status")]
    rows = [("a", ["Lorraine Whitecloud", "Cedar River ICWA", "left early"])]
    # 40 cells, 6 of padding: Name and Status whole; Organization takes what is left.
    assert fit_widths(columns, rows, 40) == [19, 5, 10]
    # Listed order alone would have cut Status instead.
    unranked = [Fit(c.key, c.label) for c in columns]
    assert fit_widths(unranked, rows, 40) == [19, 16, 0]


def test_the_text_column_gives_a_little_of_its_half_so_the_others_are_whole() -> None:
    # A Loop row: at 100 columns the themes were cut to "+cour…" while the text kept half the
    # width; now the text takes what the others leave, as long as that is a third.
    columns = [
        Fit("number", "#"),
        Fit("date", "Date"),
        Fit("answer", "Answer"),
        Fit("seen", "Seen by"),
        Fit("input", "You said", flexible=True),
        Fit("themes", "Themes"),
    ]
    said = "Parents said court dates keep moving and they lose work days to come to them."
    rows = [("n", ["12", "Oct 18", "no response yet", "partners", said, "+court-dates +transport"])]
    assert fit_widths(columns, rows, 100) == [2, 6, 15, 8, 34, 23]
    # At 80 the others cannot all be whole beside a third: the text keeps its half.
    assert fit_widths(columns, rows, 80)[4] == 34


class Fitted(App[None]):
    """One fitted table, as a screen has it."""

    def compose(self) -> ComposeResult:
        yield Table(id="t", cursor_type="row")

    def on_mount(self) -> None:
        self.query_one(Table).fit_rows(BODIES, STEERING)


async def test_cut_cells_name_what_the_row_lost_at_each_width() -> None:
    app = Fitted()
    async with app.run_test(size=(56, 10)) as pilot:
        table = app.query_one(Table)
        assert [str(c) for c in table.get_row_at(0)] == [
            "Steering Committee",
            "Steering Committee monthly",
            "8",
        ]
        assert [str(c.label) for c in table.columns.values()] == ["Body", "Series", "Members"]
        assert table.cut_cells("s") == [
            ("Series", "Steering Committee monthly"),
            ("Follow-through", "3 of 4 on time"),
        ]
        await pilot.resize_terminal(80, 10)
        await pilot.pause()
        assert len(table.columns) == 4
        assert table.cut_cells("s") == []
        assert table.cut_cells("no such row") == []
