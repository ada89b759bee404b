"""Before the meeting: agendas, templates, ground-rule starting sets, carry-over."""
