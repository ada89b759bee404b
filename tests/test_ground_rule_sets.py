"""Ground-rule starting sets: the shipped sets, error messages for broken files, overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.models.ground_rules_template import GroundRuleSetTemplate
from facilitate.services.plan.ground_rule_sets import (
    GroundRuleSetNotFoundError,
    get_ground_rule_set,
    load_ground_rule_sets,
    shipped_ground_rules_dir,
)
from facilitate.services.plan.toml_files import NotFoundError

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED = {"business-meeting", "listening-session", "trauma-informed"}

RULE = 'text = "We listen to understand."\nshort = "Listen to understand"\n'


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def rule_set(*rules: str, header: str = 'name = "Ours"\n') -> str:
    return header + "".join(f"\n[[rules]]\n{rule}" for rule in rules)


def messages(user_dir: Path) -> list[str]:
    return [problem.message for problem in load_ground_rule_sets(user_dir).errors]


def all_text(rules: GroundRuleSetTemplate) -> str:
    return " ".join(rule.text for rule in rules.rules).casefold()


def test_shipped_sets_live_in_the_ground_rules_subfolder() -> None:
    found = shipped_ground_rules_dir()
    assert found.name == "ground-rules"
    assert {p.name for p in found.glob("*.toml")} == {
        p.name for p in (REPO_ROOT / "agendas" / "ground-rules").glob("*.toml")
    }


def test_every_shipped_set_loads_without_problems() -> None:
    loaded = load_ground_rule_sets()
    assert loaded.errors == []
    assert set(loaded.sorted_keys()) == SHIPPED
    assert {path.stem for path in loaded.sources.values()} == SHIPPED


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_shipped_short_labels_are_two_to_four_words(key: str) -> None:
    for rule in get_ground_rule_set(key).rules:
        assert 2 <= len(rule.short.split()) <= 4, rule.short


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_shipped_sets_have_a_description_and_enough_rules(key: str) -> None:
    rules = get_ground_rule_set(key)
    assert rules.description
    assert len(rules.rules) >= 6


def test_listening_session_rules_include_confidentiality_and_the_right_to_pass() -> None:
    rules = get_ground_rule_set("listening-session")
    shorts = [rule.short for rule in rules.rules]
    text = all_text(rules)

    assert shorts[:2] == ["Stays in the room", "Right to pass"]
    assert "what is said in the room stays in the room" in text
    assert "right to pass" in text
    # Honest about where confidentiality ends, and that taking part can't cost a family.
    assert "limits of confidentiality" in text
    assert "will not affect your case" in text


def test_trauma_informed_rules_respect_lived_experience_and_tribes() -> None:
    text = all_text(get_ground_rule_set("Trauma-informed"))
    assert "lived experience is expertise" in text
    assert "tribal sovereignty" in text


def test_business_meeting_rules_decide_by_consensus_and_follow_through() -> None:
    shorts = {rule.short for rule in get_ground_rule_set("business meeting").rules}
    assert {"Decide by consensus", "Follow through", "No case details"} <= shorts


def test_missing_text_names_the_rule_by_its_short_label(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", rule_set(RULE, 'short = "Be kind"\n'))
    assert messages(tmp_path) == ['x.toml: rule 2 ("Be kind"): text is missing']


def test_missing_short_names_the_rule_by_its_text(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", rule_set(RULE, RULE, 'text = "We make space for every voice."\n'))
    assert messages(tmp_path) == [
        'x.toml: rule 3 ("We make space for every voice."): short is missing'
    ]


def test_long_rule_text_is_shortened_in_the_message(tmp_path: Path) -> None:
    long_text = "We " + "really " * 20 + "listen."
    write(tmp_path, "x.toml", rule_set(f'text = "{long_text}"\n'))
    [message] = messages(tmp_path)
    assert message.startswith('x.toml: rule 1 ("We really really')
    assert message.endswith('…"): short is missing')


def test_short_label_with_too_many_words(tmp_path: Path) -> None:
    write(
        tmp_path,
        "x.toml",
        rule_set(RULE.replace("Listen to understand", "We all listen to understand")),
    )
    assert messages(tmp_path) == [
        'x.toml: rule 1 ("We all listen to understand"): short must be at most 4 words '
        '(got 5: "We all listen to understand")'
    ]


def test_short_label_too_long_for_the_picker(tmp_path: Path) -> None:
    write(
        tmp_path,
        "x.toml",
        rule_set(RULE.replace("Listen to understand", "Intercommunicationally considerate")),
    )
    assert messages(tmp_path) == [
        'x.toml: rule 1 ("Intercommunicationally considerate"): short must be at most 32 '
        "characters (got 34)"
    ]


def test_duplicate_short_labels(tmp_path: Path) -> None:
    write(
        tmp_path,
        "x.toml",
        rule_set(RULE, 'text = "Be here."\nshort = "Be present"\n', RULE.lower()),
    )
    assert messages(tmp_path) == [
        'x.toml: rules repeat the short label "listen to understand" (rules 1 and 3); '
        "each rule needs its own"
    ]


def test_unknown_rule_field(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", rule_set(RULE + 'shrot = "x"\n'))
    assert messages(tmp_path) == [
        'x.toml: rule 1 ("Listen to understand"): unknown field "shrot" (did you mean "short"?)'
    ]


def test_wrong_type(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", rule_set('text = 42\nshort = "The answer"\n'))
    assert messages(tmp_path) == [
        'x.toml: rule 1 ("The answer"): text must be text in quotes (got 42)'
    ]


def test_empty_rule_list(tmp_path: Path) -> None:
    write(tmp_path, "x.toml", 'name = "Ours"\nrules = []\n')
    assert messages(tmp_path) == ["x.toml: rules must have at least 1 entry"]


def test_bad_toml(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", 'name = "Ours"\n[[rules]\n')
    [message] = messages(tmp_path)
    assert message.startswith("bad.toml: not valid TOML: line 2, column ")


def test_broken_set_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", "nonsense")
    write(tmp_path, "b.toml", rule_set(RULE))

    loaded = load_ground_rule_sets(tmp_path)

    assert set(loaded.sorted_keys()) == SHIPPED | {"ours"}
    assert [problem.path.name for problem in loaded.errors] == ["a.toml"]


def test_user_set_with_the_same_name_overrides_the_shipped_one(tmp_path: Path) -> None:
    write(tmp_path, "ours.toml", rule_set(RULE, header='name = "Listening Session"\n'))

    loaded = load_ground_rule_sets(tmp_path)

    assert set(loaded.sorted_keys()) == SHIPPED
    assert [rule.short for rule in loaded.sets[1].rules] == ["Listen to understand"]
    assert loaded.sources["listening-session"] == tmp_path / "ours.toml"


def test_unknown_set_lists_what_exists() -> None:
    with pytest.raises(GroundRuleSetNotFoundError) as raised:
        get_ground_rule_set("silence")
    assert str(raised.value) == (
        'no ground-rule set named "silence" '
        "(available: business-meeting, listening-session, trauma-informed)"
    )
    assert isinstance(raised.value, NotFoundError)
    assert isinstance(raised.value, LookupError)
