"""Agenda templates: find, load, check and save the TOML files that shape a new meeting's agenda.

Templates come from two folders: the ones shipped with facilitate and the user's own folder
(chosen by the caller). A user template whose name or file name matches a shipped one replaces
it, so a coordinator can adapt "Steering committee" to their partnership without renaming it.
Saving from facilitate (`save_template`) never does that silently: it refuses a shipped name and
offers a new one, and replaces one of the user's own templates only when asked to.

Loading never stops at a broken file. Every problem becomes one line a coordinator can act on,
naming the file, the item and the field, and the remaining files still load. The file-reading and
message-building machinery here is shared with `facilitate.services.plan.ground_rule_sets`.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from facilitate.errors import Refusal
from facilitate.models.template import AgendaItemTemplate, AgendaTemplate
from facilitate.services.plan.toml_files import (
    SHIPPED_FOLDER,
    EntrySpec,
    Loaded,
    LoadProblem,
    NotFoundError,
    load_named_files,
    not_found_message,
    quote,
    shipped_agendas_dir,
    template_key,
)

_SAVED_HEADER = (
    "# Agenda template for facilitate. Edit freely, then run `facilitate templates check`.\n\n"
)


def template_filename(template: AgendaTemplate) -> str:
    """A safe file name for saving `template` in a templates folder, derived from its name."""
    return _filename_for(template.name)


def _filename_for(name: str) -> str:
    stem = re.sub(r"[^\w.-]+", "-", template_key(name)).strip("-.")
    return f"{stem or 'template'}.toml"


@dataclass
class TemplateLoad(Loaded[AgendaTemplate]):
    """The result of `load_templates`."""

    @property
    def templates(self) -> list[AgendaTemplate]:
        """Every valid template, user templates in place of shipped ones of the same name."""
        return self.all()


class TemplateNotFoundError(NotFoundError):
    """No agenda template has the requested name."""


ITEM_SPEC = EntrySpec(field="items", noun="item", label_keys=("title",), model=AgendaItemTemplate)


def template_folders(user_dir: Path | None) -> list[Path]:
    """The folders templates are read from, shipped first so user templates override them."""
    folders = [shipped_agendas_dir()]
    if user_dir is not None:
        folders.append(user_dir)
    return folders


def load_templates(user_dir: Path | None = None) -> TemplateLoad:
    """Load every valid agenda template, and describe every broken one in `errors`.

    `user_dir` is the user's own templates folder (it need not exist yet); its templates replace
    shipped ones of the same name.
    """
    result = TemplateLoad()
    try:
        folders = template_folders(user_dir)
    except FileNotFoundError as missing:
        result.errors.append(LoadProblem(Path(SHIPPED_FOLDER), str(missing)))
        folders = [user_dir] if user_dir is not None else []
    load_named_files(folders, AgendaTemplate, ITEM_SPEC, lambda t: t.name, result)
    return result


def get_template(name: str, user_dir: Path | None = None) -> AgendaTemplate:
    """The template called `name` (any case; spaces, "_" and "-" alike) or in file `name`.toml.

    Raises TemplateNotFoundError, whose message lists the available templates.
    """
    loaded = load_templates(user_dir)
    template = loaded.get(name)
    if template is None:
        raise TemplateNotFoundError(not_found_message("agenda template", name, loaded))
    return template


def template_to_toml(template: AgendaTemplate) -> str:
    """The TOML text of `template`, leaving out fields that hold their default."""
    data = template.model_dump(mode="json", exclude_defaults=True)
    return _SAVED_HEADER + tomli_w.dumps(data)


class TemplateNameError(Refusal):
    """A name a template cannot be saved under as it stands; the message says what to do."""


class ShippedNameError(TemplateNameError):
    """The name is a shipped template's: saving would silently replace it for every meeting."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.suggestion = suggest_template_name(name)
        super().__init__(
            f"{quote(name.strip())} is a shipped template; name yours {quote(self.suggestion)}"
        )


class TemplateExistsError(TemplateNameError):
    """One of the user's own templates already has the name; replace it only when asked."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        super().__init__(f"you already have a template named {quote(name.strip())} ({path})")


def is_shipped_name(name: str) -> bool:
    """True when saving a template called `name` would replace a shipped one.

    Both the name and the file it would be saved as count: the loader lets a user file named
    like a shipped one replace it.
    """
    if not name.strip():
        return False
    shipped = load_templates(None)
    taken = set(shipped.by_key) | {template_key(path.stem) for path in shipped.sources.values()}
    stem = Path(_filename_for(name)).stem
    return template_key(name) in taken or template_key(stem) in taken


def ensure_not_shipped(name: str) -> None:
    """Raise ShippedNameError when `name` is a shipped template's (see `is_shipped_name`)."""
    if is_shipped_name(name):
        raise ShippedNameError(name)


def suggest_template_name(base: str) -> str:
    """A name to offer when saving an agenda of `base` (a series or template name): "<base>
    agenda", else "<base> (ours)", never a shipped template's name."""
    base = base.strip() or "Our"
    candidates = [f"{base} agenda", f"{base} (ours)"]
    candidates += [f"{base} (ours {number})" for number in range(2, 100)]
    return next(name for name in candidates if not is_shipped_name(name))


def user_template_file(name: str, folder: Path) -> Path | None:
    """The file in the user's `folder` that a template called `name` would replace, if any:
    the file of the user's template with that name, or a file already at its file name."""
    loaded = TemplateLoad()
    load_named_files([folder], AgendaTemplate, ITEM_SPEC, lambda t: t.name, loaded)
    found = loaded.sources.get(template_key(name))
    if found is not None:
        return found
    target = folder / _filename_for(name)
    return target if target.exists() else None


def save_template(template: AgendaTemplate, folder: Path, *, replace: bool = False) -> Path:
    """Save `template` as one of the user's own in `folder` (created if needed); the file written.

    Never under a shipped template's name (ShippedNameError), and never over one of the user's
    own templates unless `replace` (TemplateExistsError: ask first, then call again).
    """
    ensure_not_shipped(template.name)
    existing = user_template_file(template.name, folder)
    if existing is not None and not replace:
        raise TemplateExistsError(template.name, existing)
    text = template_to_toml(template)
    folder.mkdir(parents=True, exist_ok=True)
    if existing is None:
        path = folder / template_filename(template)
        # "x" mode makes the existence check and the creation one step, so nothing is clobbered.
        try:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            raise TemplateExistsError(template.name, path) from None
        return path
    _replace_file(existing, text)
    return existing


def _replace_file(path: Path, text: str) -> None:
    # Through a temporary file, so a crash never leaves a half-written template.
    fd, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
