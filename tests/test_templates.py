"""Agenda templates: the shipped files, the error messages for broken ones, overrides and saving."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from facilitate.models.enums import MeetingKind, Purpose
from facilitate.models.template import AgendaItemTemplate, AgendaTemplate
from facilitate.services.plan import toml_files
from facilitate.services.plan.template_check import check_templates
from facilitate.services.plan.templates import (
    ShippedNameError,
    TemplateExistsError,
    TemplateNotFoundError,
    get_template,
    is_shipped_name,
    load_templates,
    save_template,
    suggest_template_name,
    template_filename,
    template_to_toml,
)
from facilitate.services.plan.toml_files import shipped_agendas_dir, template_key

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED = {
    "core-team",
    "listening-session",
    "partner-forum",
    "quarterly-review",
    "steering-committee",
}

VALID = """\
name = "Our forum"
kind = "partner_forum"

[[items]]
title = "Welcome"
purpose = "inform"
minutes = 10
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(user_dir: Path) -> list[str]:
    return [problem.message for problem in load_templates(user_dir).errors]


def template_with_items(*items: str, header: str = 'name = "X"\nkind = "business"\n') -> str:
    return header + "".join(f"\n[[items]]\n{item}" for item in items)


WELCOME = 'title = "Welcome"\npurpose = "inform"\nminutes = 5\n'


def test_shipped_folder_holds_the_repositorys_templates() -> None:
    """Editable install: the checkout's folder; wheel install (as in CI): the packaged copy.
    Either way it holds exactly the repository's agendas/, byte for byte."""
    found = shipped_agendas_dir()
    repo = REPO_ROOT / "agendas"
    shipped = {p.relative_to(found): p.read_bytes() for p in found.rglob("*.toml")}
    source = {p.relative_to(repo): p.read_bytes() for p in repo.rglob("*.toml")}
    assert shipped == source
    assert len(shipped) >= 8


def test_packaged_folder_is_preferred_over_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "facilitate"
    write(packaged / "agendas", "only.toml", VALID)
    monkeypatch.setattr(toml_files, "package_files", lambda _package: packaged)

    assert shipped_agendas_dir() == packaged / "agendas"
    assert load_templates(None).sorted_keys() == ["our-forum"]


def test_missing_shipped_folder_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(toml_files, "package_files", lambda _package: tmp_path / "nowhere")
    monkeypatch.setattr(toml_files, "__file__", str(tmp_path / "a" / "b" / "c" / "templates.py"))
    write(tmp_path / "user", "mine.toml", VALID)

    loaded = load_templates(tmp_path / "user")

    assert loaded.sorted_keys() == ["our-forum"]
    assert len(loaded.errors) == 1
    assert "shipped agendas folder is missing" in loaded.errors[0].message


def test_every_shipped_template_loads_without_problems() -> None:
    loaded = load_templates(None)

    assert loaded.errors == []
    assert set(loaded.sorted_keys()) == SHIPPED


def test_check_of_shipped_templates_finds_nothing() -> None:
    # Includes the cross-check that each suggested ground-rule set exists.
    assert check_templates() == []


def test_shipped_file_names_match_template_names() -> None:
    loaded = load_templates(None)
    for key, path in loaded.sources.items():
        assert path.stem == key


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_shipped_template_fits_its_default_length(key: str) -> None:
    template = get_template(key)
    assert template.default_minutes == template.items_minutes


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_every_shipped_template_closes_with_plus_delta_or_next_steps(key: str) -> None:
    last = get_template(key).items[-1].title.casefold()
    assert "plus/delta" in last or "closing" in last


@pytest.mark.parametrize("key", ["steering-committee", "core-team", "quarterly-review"])
def test_business_templates_approve_minutes_and_review_action_items(key: str) -> None:
    template = get_template(key)
    titles = [item.title.casefold() for item in template.items]
    approve = [i for i, t in enumerate(titles) if t.startswith("approve")]
    review = [i for i, t in enumerate(titles) if "action items" in t]

    assert template.kind is MeetingKind.BUSINESS
    assert approve and template.items[approve[0]].purpose is Purpose.DECIDE
    # Prior commitments are looked at before new work starts.
    assert review and review[0] < len(titles) // 2


def test_partner_forum_is_at_a_neutral_venue_with_welcome_and_introductions() -> None:
    template = get_template("partner-forum")
    titles = [item.title for item in template.items]

    assert template.kind is MeetingKind.PARTNER_FORUM
    assert template.neutral_venue is True
    assert titles[:2] == ["Welcome", "Introductions"]
    assert "What happened with your input" in titles


def test_listening_session_follows_its_arc() -> None:
    template = get_template("listening-session")
    titles = [item.title for item in template.items]

    assert template.kind is MeetingKind.LISTENING_SESSION
    assert template.neutral_venue is True
    assert template.ground_rule_set == "listening-session"
    assert titles == [
        "Welcome",
        "Ground rules and consent",
        "Framing question",
        "First round of sharing",
        "Second round of sharing",
        "Reflection",
        "What happens next",
        "Closing and care",
    ]


def test_quarterly_review_reviews_goals_and_data() -> None:
    titles = [item.title for item in get_template("quarterly-review").items]
    assert "Our shared goals" in titles
    assert "Data review" in titles


def test_ground_rules_subfolder_is_not_read_as_templates(tmp_path: Path) -> None:
    write(tmp_path / "ground-rules", "nested.toml", "this is = = not toml")
    write(tmp_path / "nested", "deeper.toml", VALID.replace("Our forum", "Deeper"))

    loaded = load_templates(tmp_path)

    assert loaded.errors == []
    assert "deeper" not in loaded.by_key


def test_bad_toml_syntax_names_file_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", 'name = "x"\nkind = "business"\n[[items]]\ntitle = = "a"\n')
    assert messages(tmp_path) == ["bad.toml: not valid TOML: line 4, column 9: invalid value"]


def test_unterminated_string_at_end_of_file(tmp_path: Path) -> None:
    write(tmp_path, "open.toml", 'name = "x')
    assert messages(tmp_path) == [
        "open.toml: not valid TOML: at the end of the file: unterminated string"
    ]


def test_unknown_item_field_suggests_the_right_one(tmp_path: Path) -> None:
    write(
        tmp_path,
        "x.toml",
        template_with_items('title = "Welcome"\npurpose = "inform"\nminutes = 5\nminuts = 5\n'),
    )
    assert messages(tmp_path) == [
        'x.toml: item 1 ("Welcome"): unknown field "minuts" (did you mean "minutes"?)'
    ]


def test_unknown_template_field(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME, header='name = "X"\nversion = 1\n'))
    assert messages(tmp_path) == [
        "x.toml: kind is missing",
        'x.toml: unknown field "version"',
    ]


def test_unknown_field_without_a_close_match_has_no_suggestion(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME + "colour = 'blue'\n"))
    assert messages(tmp_path) == ['x.toml: item 1 ("Welcome"): unknown field "colour"']


def test_negative_minutes_names_file_item_and_field(tmp_path: Path) -> None:
    write(
        tmp_path,
        "partner-forum.toml",
        template_with_items(
            WELCOME,
            WELCOME.replace("Welcome", "Ground rules"),
            'title = "Introductions"\npurpose = "discuss"\nminutes = -5\n',
        ),
    )
    assert messages(tmp_path) == [
        'partner-forum.toml: item 3 ("Introductions"): minutes must be greater than 0 (got -5)'
    ]


def test_zero_minutes_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME.replace("= 5", "= 0")))
    assert messages(tmp_path) == [
        'x.toml: item 1 ("Welcome"): minutes must be greater than 0 (got 0)'
    ]


def test_absurd_minutes_are_refused_as_a_likely_typo(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME.replace("= 5", "= 600")))
    assert messages(tmp_path) == [
        'x.toml: item 1 ("Welcome"): minutes must be at most 480 (got 600)'
    ]


def test_missing_title_names_the_item_by_number(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME, 'purpose = "discuss"\nminutes = 5\n'))
    assert messages(tmp_path) == ["x.toml: item 2: title is missing"]


def test_blank_title_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME.replace('"Welcome"', '"   "')))
    assert messages(tmp_path) == ["x.toml: item 1: title must not be empty"]


def test_wrong_purpose_lists_the_allowed_values(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME.replace('"inform"', '"vote"')))
    assert messages(tmp_path) == [
        'x.toml: item 1 ("Welcome"): purpose must be one of "inform", "discuss" or "decide" '
        '(got "vote")'
    ]


def test_wrong_meeting_kind(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME, header='name = "X"\nkind = "board"\n'))
    assert messages(tmp_path) == [
        'x.toml: kind must be one of "business", "partner_forum" or "listening_session" '
        '(got "board")'
    ]


def test_wrong_types_are_not_coerced(tmp_path: Path) -> None:
    write(
        tmp_path,
        "x.toml",
        template_with_items(
            WELCOME.replace("= 5", '= "10"'),
            header='name = "X"\nkind = "business"\nneutral_venue = "yes"\n',
        ),
    )
    assert messages(tmp_path) == [
        'x.toml: neutral_venue must be true or false (got "yes")',
        'x.toml: item 1 ("Welcome"): minutes must be a whole number (got "10")',
    ]


def test_boolean_minutes_are_not_taken_as_one(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME.replace("= 5", "= true")))
    assert messages(tmp_path) == [
        'x.toml: item 1 ("Welcome"): minutes must be a whole number (got true)'
    ]


def test_empty_prompt_names_its_position(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", template_with_items(WELCOME + 'prompts = ["Why?", " "]\n'))
    assert messages(tmp_path) == ['x.toml: item 1 ("Welcome"): prompts entry 2 must not be empty']


def test_item_that_is_not_a_table(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", 'name = "X"\nkind = "business"\nitems = ["Welcome"]\n')
    assert messages(tmp_path) == ['x.toml: item 1 must be a table (got "Welcome")']


def test_missing_items_says_how_to_add_them(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", 'name = "X"\nkind = "business"\n')
    assert messages(tmp_path) == ["x.toml: items is missing (add at least one [[items]] table)"]


def test_items_written_as_a_single_table(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", 'name = "X"\nkind = "business"\n[items]\n' + WELCOME)
    assert messages(tmp_path) == ["x.toml: items must be a list of [[items]] tables (got a table)"]


def test_every_problem_in_a_file_gets_its_own_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        "x.toml",
        'kind = "business"\n'
        + "".join(
            f"\n[[items]]\n{item}"
            for item in (WELCOME.replace("= 5", "= -1"), 'title = "Two\\nlines"\nminutes = 5\n')
        ),
    )
    found = messages(tmp_path)
    assert found == [
        "x.toml: name is missing",
        'x.toml: item 1 ("Welcome"): minutes must be greater than 0 (got -1)',
        'x.toml: item 2 ("Two\\nlines"): purpose is missing',
    ]
    assert all("\n" not in message for message in found)


def test_folder_named_like_a_template_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    assert messages(tmp_path) == ["folder.toml: is a folder, not a file"]


def test_dangling_symlink_is_a_missing_file(tmp_path: Path) -> None:
    (tmp_path / "gone.toml").symlink_to(tmp_path / "deleted.toml")
    assert messages(tmp_path) == ["gone.toml: file not found (was it moved or deleted?)"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path, "locked.toml", VALID)
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        # Tests may run as root, where chmod 000 doesn't stop reading.
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert messages(tmp_path) == ["locked.toml: could not be read: permission denied"]


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin.toml").write_bytes(b'name = "Caf\xe9"\n')
    assert messages(tmp_path) == [
        "latin.toml: is not UTF-8 text (byte 0xe9 at position 11); save it as UTF-8"
    ]


def test_user_dir_that_is_a_file_is_reported_with_its_path(tmp_path: Path) -> None:
    not_a_folder = write(tmp_path, "agendas", "")
    assert messages(not_a_folder) == [f"{not_a_folder}: is not a folder"]


def test_missing_user_dir_is_not_a_problem(tmp_path: Path) -> None:
    loaded = load_templates(tmp_path / "never-created")
    assert loaded.errors == []
    assert set(loaded.sorted_keys()) == SHIPPED


def test_broken_file_does_not_stop_the_others_loading(tmp_path: Path) -> None:
    write(tmp_path, "a-broken.toml", "not = = toml")
    write(tmp_path, "b-good.toml", VALID)
    write(tmp_path, "c-invalid.toml", template_with_items(WELCOME.replace("= 5", "= -5")))

    loaded = load_templates(tmp_path)

    assert set(loaded.sorted_keys()) == SHIPPED | {"our-forum"}
    assert [problem.path.name for problem in loaded.errors] == ["a-broken.toml", "c-invalid.toml"]


def test_two_user_files_with_the_same_name_keep_the_first(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", VALID)
    write(tmp_path, "b.toml", VALID.replace("Welcome", "Hello"))

    loaded = load_templates(tmp_path)

    assert loaded.sources["our-forum"].name == "a.toml"
    assert messages(tmp_path) == [
        'b.toml: name "Our forum" is also used by a.toml; this file was skipped'
    ]


def test_user_template_with_the_same_name_overrides_the_shipped_one(tmp_path: Path) -> None:
    write(
        tmp_path,
        "our-steering.toml",
        template_with_items(WELCOME, header='name = "Steering Committee"\nkind = "business"\n'),
    )

    loaded = load_templates(tmp_path)

    assert loaded.errors == []
    assert set(loaded.sorted_keys()) == SHIPPED
    assert loaded.sources["steering-committee"] == tmp_path / "our-steering.toml"
    assert [item.title for item in get_template("Steering committee", tmp_path).items] == [
        "Welcome"
    ]


def test_user_file_with_the_same_file_name_overrides_even_if_renamed(tmp_path: Path) -> None:
    write(tmp_path, "core-team.toml", VALID.replace("Our forum", "Core team (county)"))

    loaded = load_templates(tmp_path)

    assert "core-team" not in loaded.by_key
    assert get_template("core-team", tmp_path).name == "Core team (county)"


def test_broken_user_override_leaves_the_shipped_template_in_place(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", 'name = "Core team"\nkind = "business"\n')
    loaded = load_templates(tmp_path)
    assert loaded.sources["core-team"].parent == shipped_agendas_dir()
    assert len(loaded.errors) == 1


@pytest.mark.parametrize(
    "name", ["Partner forum", "partner_forum", "  PARTNER-FORUM ", "partner forum"]
)
def test_lookup_ignores_case_spaces_and_underscores(name: str) -> None:
    assert get_template(name).name == "Partner forum"


def test_unknown_template_lists_what_exists(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", "= broken")
    with pytest.raises(TemplateNotFoundError) as raised:
        get_template("board meeting", tmp_path)
    text = str(raised.value)
    assert text.startswith('no agenda template named "board meeting" (available: core-team, ')
    assert "1 problem found while loading" in text


def test_check_reports_a_suggested_ground_rule_set_that_does_not_exist(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", 'ground_rule_set = "silence"\n' + VALID)
    problems = [problem.message for problem in check_templates(tmp_path)]
    assert problems == [
        'x.toml: ground_rule_set "silence" does not match any ground-rule set '
        "(available: business-meeting, listening-session, trauma-informed)"
    ]


def test_check_also_reports_broken_user_ground_rule_sets(tmp_path: Path) -> None:
    write(tmp_path / "ground-rules", "mine.toml", 'name = "Mine"\n')
    assert [problem.message for problem in check_templates(tmp_path)] == [
        "mine.toml: rules is missing (add at least one [[rules]] table)"
    ]


def tricky_template() -> AgendaTemplate:
    return AgendaTemplate(
        name='Forum "Ōtautahi" — spring',
        description="Line one\nLine two with a \\ backslash and a\ttab",
        kind=MeetingKind.PARTNER_FORUM,
        default_minutes=75,
        neutral_venue=True,
        ground_rule_set="trauma-informed",
        items=[
            AgendaItemTemplate(
                title="Bienvenue à tous — 欢迎",
                purpose=Purpose.INFORM,
                minutes=10,
                lead="co_facilitator",
                prompts=['What does "home" mean?', "Emoji too 🙂", "'single' quotes"],
                notes="\"\"\"triple quotes\"\"\" and '''literal'''\nsecond line",
            ),
            AgendaItemTemplate(title="Decide", purpose=Purpose.DECIDE, minutes=65),
        ],
    )


def test_saved_template_loads_back_equal(tmp_path: Path) -> None:
    original = tricky_template()

    path = save_template(original, tmp_path)

    assert path == tmp_path / template_filename(original)
    loaded = load_templates(tmp_path)
    assert loaded.errors == []
    assert loaded.get(original.name) == original
    assert loaded.sources[template_key(original.name)] == path


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_every_shipped_template_round_trips(key: str, tmp_path: Path) -> None:
    # Written by hand, as a coordinator adapting a shipped template would: saving refuses it.
    original = get_template(key)
    (tmp_path / "copy.toml").write_text(template_to_toml(original), encoding="utf-8")
    assert get_template(key, tmp_path) == original
    assert load_templates(tmp_path).sources[key] == tmp_path / "copy.toml"


def test_saved_file_is_plain_utf8_toml_without_defaults(tmp_path: Path) -> None:
    path = save_template(tricky_template(), tmp_path)
    text = path.read_text(encoding="utf-8")

    assert "欢迎" in text
    assert text.startswith("#")
    assert "desired_outcome" not in text  # left at its default, so not written
    assert tomllib.loads(text)["items"][1] == {
        "title": "Decide",
        "purpose": "decide",
        "minutes": 65,
    }


def test_save_refuses_to_overwrite(tmp_path: Path) -> None:
    path = write(tmp_path, template_filename(tricky_template()), "# my precious template\n")
    with pytest.raises(TemplateExistsError, match="already have a template") as raised:
        save_template(tricky_template(), tmp_path)
    assert raised.value.path == path
    assert path.read_text(encoding="utf-8") == "# my precious template\n"


def test_save_refuses_a_template_of_yours_with_the_same_name_in_another_file(
    tmp_path: Path,
) -> None:
    mine = write(tmp_path, "mine.toml", VALID)
    with pytest.raises(TemplateExistsError) as raised:
        save_template(tricky_template().model_copy(update={"name": "our  FORUM"}), tmp_path)
    assert raised.value.path == mine
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.toml"]


def test_save_overwrites_when_asked(tmp_path: Path) -> None:
    renamed = tricky_template().model_copy(update={"name": "Our forum"})
    path = save_template(renamed, write(tmp_path, "mine.toml", VALID).parent, replace=True)
    assert path == tmp_path / "mine.toml"
    assert load_templates(tmp_path).get("Our forum") == renamed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.toml"]


def test_save_creates_the_user_folder(tmp_path: Path) -> None:
    path = save_template(tricky_template(), tmp_path / "new" / "folder")
    assert path.is_file()


@pytest.mark.parametrize(
    "name", ["Steering Committee", "steering_committee", "PARTNER-forum", "core/team"]
)
def test_save_refuses_a_shipped_templates_name(name: str, tmp_path: Path) -> None:
    with pytest.raises(ShippedNameError, match="is a shipped template") as raised:
        save_template(tricky_template().model_copy(update={"name": name}), tmp_path)
    assert f'name yours "{raised.value.suggestion}"' in str(raised.value)
    assert not is_shipped_name(raised.value.suggestion)
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []
    assert load_templates(tmp_path).sources[template_key(name).replace("/", "-")].parent == (
        shipped_agendas_dir()
    )


def test_suggested_names_are_never_shipped_ones() -> None:
    assert suggest_template_name("Steering Committee") == "Steering Committee agenda"
    assert suggest_template_name("Community Listening") == "Community Listening agenda"
    assert suggest_template_name("  ") == "Our agenda"
    assert is_shipped_name("steering committee")
    assert not is_shipped_name("Steering Committee agenda")


def test_template_filename_is_safe() -> None:
    template = tricky_template().model_copy(update={"name": "../../etc/Our Forum"})
    assert template_filename(template) == "etc-our-forum.toml"
