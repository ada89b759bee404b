"""The one check of an e-mail address, for the roster, the import, the settings and the packets
alike: an address the roster accepts is one a packet's draft can be sent to."""

from __future__ import annotations


def is_email_address(text: str) -> bool:
    """One plain address (name@example.org) that the standard library's mail headers take as
    it is: no spaces, one @, a dotted domain. Catches two addresses pasted into one cell, a
    name typed in the wrong column, and "maria@agency"."""
    text = text.strip()
    if not text or text.count("@") != 1 or any(c.isspace() for c in text):
        return False
    # Imported here: the mail header parser costs every command's start-up ~5 ms (roster and
    # quorum import this module), and only an edit or an import of addresses calls it.
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    try:
        address = Address(addr_spec=text)
    except (HeaderParseError, ValueError, IndexError):
        return False
    domain = address.domain
    return (
        bool(address.username)
        and address.addr_spec == text
        and "." in domain.strip(".")
        and not domain.startswith(".")
        and not domain.endswith(".")
    )
