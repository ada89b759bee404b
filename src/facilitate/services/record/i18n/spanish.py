"""Las palabras del acta en español, for partner organizations that read Spanish.

Written for partners in the United States (child-welfare and treatment vocabulary as Spanish-
speaking families and agencies there use it); dates come from babel's Spanish locale.
"""

from __future__ import annotations

from facilitate.models.enums import (
    ActionStatus,
    DecisionMethod,
    DecisionOutcome,
    ItemState,
    MeetingKind,
    Purpose,
    Visibility,
)
from facilitate.services.record.i18n.catalogue import Words

SPANISH = Words(
    language="es",
    name="Español",
    methods={
        DecisionMethod.NOT_RECORDED: "No registrado",
        DecisionMethod.CONSENSUS: "Consenso",
        DecisionMethod.CONSENT: "Consentimiento",
        DecisionMethod.FIST_TO_FIVE: "Puño a cinco",
        DecisionMethod.GRADIENTS_OF_AGREEMENT: "Grados de acuerdo",
        DecisionMethod.MAJORITY_VOTE: "Votación por mayoría",
        DecisionMethod.OTHER: "Otro",
    },
    outcomes={
        DecisionOutcome.ADOPTED: "Adoptada",
        DecisionOutcome.NOT_ADOPTED: "No adoptada",
        DecisionOutcome.DEFERRED: "Aplazada",
        DecisionOutcome.REFERRED: "Remitida",
    },
    statuses={
        ActionStatus.OPEN: "Pendiente",
        ActionStatus.IN_PROGRESS: "En curso",
        ActionStatus.BLOCKED: "Bloqueada",
        ActionStatus.DONE: "Hecha",
        ActionStatus.DROPPED: "Descartada",
    },
    purposes={
        Purpose.INFORM: "Para información",
        Purpose.DISCUSS: "Para discusión",
        Purpose.DECIDE: "Para decisión",
    },
    kinds={
        MeetingKind.BUSINESS: "Reunión de trabajo",
        MeetingKind.PARTNER_FORUM: "Foro de socios",
        MeetingKind.LISTENING_SESSION: "Sesión de escucha",
    },
    item_states={
        ItemState.PARKED: "Aplazado.",
        ItemState.CONTINUE_NEXT_TIME: "Continúa en la próxima reunión.",
    },
    not_reached="No se llegó a tratar.",
    audiences={
        Visibility.PUBLIC: "pública",
        Visibility.PARTNERS: "para socios",
        Visibility.INTERNAL: "interna",
    },
    audience_notes={
        Visibility.PUBLIC: "Versión pública: solo incluye lo marcado como público.",
        Visibility.PARTNERS: "Versión para socios: se omite lo marcado como interno o "
        "confidencial.",
        Visibility.INTERNAL: "Versión interna: para el personal de la alianza; se omite lo "
        "confidencial.",
    },
    roles={
        "facilitator": ("Facilitación", "Facilitación"),
        "co_facilitator": ("Cofacilitación", "Cofacilitación"),
        "note_taker": ("Toma de notas", "Toma de notas"),
        "timekeeper": ("Control del tiempo", "Control del tiempo"),
        "process_observer": ("Observación del proceso", "Observación del proceso"),
        "host": ("Anfitriona/anfitrión", "Anfitriones"),
        "chair": ("Presidencia", "Presidencia"),
        "co_chair": ("Copresidencia", "Copresidencia"),
    },
    draft="BORRADOR",
    approved="APROBADA",
    draft_banner="Acta en BORRADOR: aún no aprobada. Puede corregirse antes de su aprobación.",
    approved_banner="Acta APROBADA",
    approved_at=": aprobada en {meeting}",
    approved_on=" el {date}",
    body="Órgano",
    meeting="Reunión",
    date="Fecha",
    place="Lugar",
    not_recorded="no registrado",
    neutral_venue="(lugar neutral)",
    shared_with="Compartida con",
    prepared_for="Preparada para",
    attendance="Asistencia",
    attendance_not_taken="No se registró la asistencia.",
    participants_counted=(
        "{count} participantes. En el acta de una sesión de escucha no se registran los nombres "
        "de los participantes."
    ),
    regrets="Excusas",
    absent="Ausentes",
    guests="Invitados",
    late="(llegó tarde)",
    left_early="(se retiró antes)",
    guest="(invitado)",
    quorum="Quórum",
    quorum_met="Hay quórum",
    quorum_not_met="NO hay quórum",
    members_present="{count} miembros presentes (se necesitan {needed})",
    people_present="{count} personas presentes (se necesitan {needed})",
    members_present_no_rule="{count} miembros presentes",
    people_present_no_rule="{count} personas presentes",
    organizations_present="organizaciones requeridas presentes ({organizations})",
    organizations_missing="organizaciones requeridas ({organizations}): falta {missing}",
    ground_rules="Normas de convivencia",
    rules_agreed="Acordadas: {name}, versión {version}.",
    previous_approvals="Aprobación de actas anteriores",
    minutes_approved="Acta de {title} aprobada",
    moved_by="propuesta por {who}",
    approved_by="aprobada por {who}",
    corrections="Correcciones",
    follow_ups="Seguimiento de compromisos anteriores",
    agenda_items="Puntos del orden del día",
    other_business="Otros asuntos",
    lead="Responsable",
    notes="Notas",
    decisions="Decisiones",
    action_items="Tareas",
    action_items_for="Tareas de {organization}",
    nothing_recorded="No hay nada registrado para esta versión.",
    a_participant="un participante",
    decision="Decisión",
    method="Método",
    votes="Votos",
    distribution="Distribución",
    stand_aside="Se abstiene sin bloquear",
    block="Bloqueo",
    rationale="Motivo",
    review_by="Revisar antes del",
    not_named="(sin nombre)",
    votes_for="a favor {count}",
    votes_against="en contra {count}",
    abstaining="abstenciones {count}",
    parking_lot="Temas pendientes",
    follow_up_by="seguimiento: {who}",
    resolved="(resuelto)",
    plus_delta="Lo que funcionó / qué cambiar",
    plus="Lo que funcionó",
    delta="Qué cambiar",
    next_meeting="Próxima reunión",
    to_be_scheduled="Por programar.",
    time_and_place_later="Hora y lugar por confirmar.",
    audience_version="versión {audience}",
    footer="{status} · {version} · generada el {at} UTC con facilitate",
    action="Tarea",
    owner="Responsable",
    organization="Organización",
    due="Fecha límite",
    status="Estado",
    no_date="sin fecha",
    agenda_item="Punto del orden del día",
    page="Página",
    page_of="de",
    calendar_name="Tareas: {title}",
    calendar_description="Fechas límite del acta ({status}) de {title} ({version}).",
    due_summary="Vence: {text}",
    not_assigned="sin asignar",
    status_as_of="{status} (al {date})",
    from_minutes="Del acta ({status}) de {title} ({date}).",
    next_meeting_summary="Próxima reunión: {body}",
    next_meeting_description="Acordada en {title}.",
    action_category="Tarea",
    subject_draft="Acta en borrador: {title}",
    subject_approved="Acta aprobada: {title}",
    greeting="Estimados colegas de {organization}:",
    greeting_partners="Estimados socios:",
    attached_minutes=(
        "Adjuntamos el acta {state} de la reunión de {body} celebrada el {date} ({title}), en "
        "la versión que se comparte con los socios."
    ),
    state_draft="en borrador",
    state_approved="aprobada",
    draft_review=(
        "Esta acta es un BORRADOR. Se someterá a aprobación en la próxima reunión ({date}); "
        "por favor, envíen sus correcciones antes de esa fecha."
    ),
    draft_review_unscheduled=(
        "Esta acta es un BORRADOR. Se someterá a aprobación en la próxima reunión; por favor, "
        "envíen sus correcciones antes."
    ),
    own_actions="Tareas de {organization}:",
    due_on="vence el {date}",
    attached="Adjuntos:",
    open_calendar=(
        "Abran el archivo .ics para añadir a su calendario las fechas límite de las tareas y la "
        "próxima reunión."
    ),
    no_calendar="No se adjunta calendario: esta acta no tiene fechas que añadir.",
    thanks="Gracias,",
)
