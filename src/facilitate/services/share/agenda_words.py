"""The words an agenda, its invitation and its e-mail drafts are written in, per language.

The record's own enumerations (purposes, roles, audiences) and the letter's thanks come from the
minutes' catalogue (`record.i18n`), so an organization that reads its minutes in Spanish reads
the same words in its agenda; this module adds only what an agenda says and the minutes do not,
the greeting included (an agenda is a letter before the meeting, not a report after it). A
frozen dataclass with every field required: a language that forgets a word does not import.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitate.services.record.i18n import Words, check_language, words


@dataclass(frozen=True)
class AgendaWords:
    """Every label and sentence of the agenda document, invitation and agenda e-mails."""

    record: Words  # the minutes' catalogue: purposes, roles, audiences, greeting, thanks
    agenda_of: str  # {title}
    agenda: str
    when: str
    where: str
    how_to_join: str
    shared_with: str
    items: str
    no_items: str
    purpose: str
    desired_outcome: str
    lead: str
    proposed_by: str
    pre_reads: str
    closed_session: str
    ground_rules_to_agree: str
    open_actions: str
    parking: str
    planned: str  # {planned} {minutes}
    overrun: str  # {runs_to} {over} {end}: the items run past the planned end
    prepared_by: str  # {name}: the coordinator
    prepared_by_tool: str  # no coordinator's name set
    place_to_be_announced: str
    neutral_venue: str
    due: str  # {date}
    no_due_date: str
    cancelled: str
    cancelled_because: str  # {reason}
    # -- e-mails ---------------------------------------------------------------------------
    greeting: str  # {organization}
    agenda_so_far: str
    no_items_yet: str
    actions_to_review: str
    parking_waiting: str
    call_subject: str  # {title} {date}
    call_request: str  # {series} {organization} {date}
    packet_subject: str  # {title}
    packet_intro: str  # {title}
    pre_read_left_out: str  # {problem}
    cancel_subject: str  # {title}
    cancel_intro: str  # {title} {when} {reason}
    cancel_calendar: str


ENGLISH = AgendaWords(
    record=words("en"),
    agenda_of="Agenda: {title}",
    agenda="Agenda",
    when="When",
    where="Where",
    how_to_join="How to join",
    shared_with="Shared with",
    items="Items",
    no_items="No items yet.",
    purpose="Purpose",
    desired_outcome="Desired outcome",
    lead="Lead",
    proposed_by="Proposed by",
    pre_reads="Pre-reads",
    closed_session="Closed session",
    ground_rules_to_agree="Ground rules to agree",
    open_actions="Open actions to review",
    parking="Parking lot, waiting",
    planned="Planned {planned} of {minutes} min.",
    overrun="The items run to {runs_to}, {over} min past the planned end ({end})",
    prepared_by="Prepared by {name}.",
    prepared_by_tool="Prepared by facilitate.",
    place_to_be_announced="Place to be announced",
    neutral_venue=" (neutral community venue)",
    due="due {date}",
    no_due_date="no due date",
    cancelled="CANCELLED",
    cancelled_because="This meeting is cancelled: {reason}",
    greeting="Dear colleagues at {organization},",
    agenda_so_far="The agenda so far:",
    no_items_yet="(no items yet)",
    actions_to_review="Open actions to be reviewed:",
    parking_waiting="Parking-lot items waiting:",
    call_subject="Agenda items for {title} by {date}",
    call_request=(
        "We are building the agenda of {series} together. Please send the items {organization} "
        "would like to raise by {date}: a title, its purpose (inform, discuss or decide), the "
        "outcome you hope for, the time it needs and who will lead it."
    ),
    packet_subject="Agenda: {title}",
    packet_intro=(
        "Attached are the agenda of {title} and a calendar invitation (open it to add the "
        "meeting to your calendar; a later one replaces it)."
    ),
    pre_read_left_out="Not attached: {problem}",
    cancel_subject="Cancelled: {title}",
    cancel_intro="{title}, planned for {when}, is cancelled: {reason}",
    cancel_calendar=(
        "The attached calendar file takes the meeting out of your calendar: open it. No agenda "
        "goes with it, since the meeting will not take place."
    ),
)

SPANISH = AgendaWords(
    record=words("es"),
    agenda_of="Orden del día: {title}",
    agenda="Orden del día",
    when="Cuándo",
    where="Dónde",
    how_to_join="Cómo participar",
    shared_with="Compartido con",
    items="Puntos",
    no_items="Aún no hay puntos.",
    purpose="Propósito",
    desired_outcome="Resultado esperado",
    lead="Responsable",
    proposed_by="Propuesto por",
    pre_reads="Lecturas previas",
    closed_session="Sesión a puerta cerrada",
    ground_rules_to_agree="Normas de convivencia a acordar",
    open_actions="Tareas pendientes a revisar",
    parking="Temas pendientes en espera",
    planned="Previstos {planned} de {minutes} min.",
    overrun="Los puntos terminan a las {runs_to}, {over} min después del final previsto ({end})",
    prepared_by="Preparado por {name}.",
    prepared_by_tool="Preparado con facilitate.",
    place_to_be_announced="Lugar por anunciar",
    neutral_venue=" (lugar comunitario neutral)",
    due="vence el {date}",
    no_due_date="sin fecha límite",
    cancelled="CANCELADA",
    cancelled_because="Esta reunión se ha cancelado: {reason}",
    greeting="Estimados colegas de {organization}:",
    agenda_so_far="El orden del día hasta ahora:",
    no_items_yet="(aún no hay puntos)",
    actions_to_review="Tareas pendientes que se revisarán:",
    parking_waiting="Temas pendientes en espera:",
    call_subject="Puntos para el orden del día de {title}, antes del {date}",
    call_request=(
        "Estamos preparando juntos el orden del día de {series}. Por favor, envíen los puntos "
        "que {organization} quiera plantear antes del {date}: un título, su propósito "
        "(informar, discutir o decidir), el resultado que esperan, el tiempo que necesita y "
        "quién lo presentará."
    ),
    packet_subject="Orden del día: {title}",
    packet_intro=(
        "Adjuntamos el orden del día de {title} y una invitación de calendario (ábranla para "
        "añadir la reunión a su calendario; una posterior la sustituye)."
    ),
    pre_read_left_out="No se adjunta: {problem}",
    cancel_subject="Cancelada: {title}",
    cancel_intro="{title}, prevista para el {when}, se ha cancelado: {reason}",
    cancel_calendar=(
        "El archivo de calendario adjunto quita la reunión de su calendario: ábranlo. No se "
        "adjunta el orden del día, ya que la reunión no se celebrará."
    ),
)

AGENDA_WORDS: dict[str, AgendaWords] = {"en": ENGLISH, "es": SPANISH}


def agenda_language(language: str) -> str:
    """`language` as a known code, or a refusal that says agendas do not come in it."""
    return check_language(language, document="agendas")


def agenda_words(language: str) -> AgendaWords:
    """The agenda's words in `language` (a code `record.i18n` knows)."""
    return AGENDA_WORDS[agenda_language(language)]
