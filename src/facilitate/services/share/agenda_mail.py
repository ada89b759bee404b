"""What every e-mail draft written before a meeting shares: the agenda built once per language,
who it is addressed to, the draft signed by the coordinator, and one folder per organization.

The call for items and the agenda packet (`agenda_packets`) and the cancellation packet
(`agenda_cancellation`) are each written from these, so a draft is addressed and signed the
same way whichever it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from facilitate.models import Organization
from facilitate.models.enums import Visibility
from facilitate.services.record.audience import PACKET_AUDIENCE
from facilitate.services.record.settings import Settings, organization_language
from facilitate.services.share.agenda_document import AgendaDocument, build_agenda
from facilitate.services.share.packets import (
    NO_SENDER,
    EmailDraft,
    grants,
    partner_organizations,
    recipients,
)
from facilitate.services.share.packets import (
    addressed as packets_addressed,
)
from facilitate.services.share.sharing import RenderedFile, WrittenFile, slug
from facilitate.store import Store


@dataclass(frozen=True)
class AgendaMail:
    """One organization's draft as written, with the files it carries and anything to check."""

    organization: Organization
    email: WrittenFile
    files: tuple[WrittenFile, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass
class Languages:
    """The agenda built once per language, with what each language's packets share."""

    store: Store
    meeting_id: str
    at: datetime
    docs: dict[tuple[str, Visibility], AgendaDocument] = field(default_factory=dict)

    def doc(self, organization_id: str, audience: Visibility = PACKET_AUDIENCE) -> AgendaDocument:
        """The agenda in the organization's language, for the audience its agreement grants."""
        return self.of(organization_language(self.store, organization_id), audience)

    def of(self, language: str, audience: Visibility = PACKET_AUDIENCE) -> AgendaDocument:
        if (language, audience) not in self.docs:
            self.docs[language, audience] = build_agenda(
                self.store,
                self.meeting_id,
                audience,
                generated_at=self.at,
                language=language,
            )
        return self.docs[language, audience]


def granted_organizations(store: Store, meeting_id: str) -> list[tuple[Organization, Visibility]]:
    """The partner organizations an agenda goes to, each with the audience its sharing
    agreement grants (`packets.grants`, the one rule minutes packets follow too); one whose
    agreement excludes the meeting gets nothing."""
    orgs = partner_organizations(store, meeting_id)
    by_org = grants(store, meeting_id, orgs, audience=None, reason="")
    return [(o, g.audience) for o in orgs if (g := by_org[o.id]) is not None]


def addressed(
    store: Store, meeting_id: str, org: Organization
) -> tuple[list[tuple[str, str]], list[str]]:
    """The organization's recipients as (name, address), and a warning for each left out (as
    minutes packets address them), and one when nobody is left."""
    to, warnings = packets_addressed(recipients(store, meeting_id, org))
    if not to:
        warnings.append(f"{org.label}: nobody with an email address; fill in To: yourself")
    return to, warnings


def _message_id(doc: AgendaDocument, org: Organization, kind: str, sender: str) -> str:
    seed = f"{doc.meeting_id}|{org.id}|{kind}|{doc.generated_at.isoformat()}"
    domain = sender.rpartition("@")[2] if sender else NO_SENDER
    return f"<{hashlib.sha256(seed.encode()).hexdigest()[:32]}@{domain}>"


def mail_draft(
    doc: AgendaDocument,
    org: Organization,
    to: Sequence[tuple[str, str]],
    settings: Settings,
    subject: str,
    body: list[str],
    kind: str,
) -> EmailDraft:
    """The draft, signed with the coordinator's name under the thanks once it is set."""
    if settings.coordinator_name:
        body = [*body, settings.coordinator_name]
    return EmailDraft(
        to=tuple(to),
        subject=subject,
        body="\n".join(body) + "\n",
        sender=(
            (settings.coordinator_name, settings.coordinator_email)
            if settings.coordinator_email
            else None
        ),
        date=doc.generated_at,
        message_id=_message_id(doc, org, kind, settings.coordinator_email),
        language=doc.language,
    )


def eml(data: bytes) -> RenderedFile:
    """A rendered draft as a file to write."""
    return RenderedFile(suffix=".eml", data=data, media_type="message/rfc822", format="eml")


def org_folder(root: Path, org: Organization, used: set[str]) -> Path:
    """The organization's own folder under `root`, never one another organization has."""
    name = slug(org.label, fallback="organization")
    while name in used:
        name += "-" + org.id[:4]
    used.add(name)
    return root / name
