"""Rich rendering of results for the terminal; JSON output bypasses this module."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from newsgraph.kg import IngestSummary


def render_summary(out: Console, s: IngestSummary) -> None:
    out.print(
        f"documents: {s.documents_new} new, {s.documents_present} already present, {s.documents_failed} failed; "
        f"store: {s.entities} entities, {s.relations} relations"
    )


def _arrow(direction: str) -> str:
    return {"out": "->", "in": "<-"}.get(direction, "--")


def render_entity_card(out: Console, card: dict[str, Any]) -> None:
    out.print(f"{card['name']}  [{card['type']}]  id={card['id']}")
    if card["aliases"]:
        out.print("aliases: " + ", ".join(card["aliases"]))
    out.print(f"mentions: {card['mentions']} in {card['documents']} documents"
              + (f"; seen {card['first_seen']} to {card['last_seen']}" if card.get("first_seen") else ""))
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in card["connections"]:
        groups.setdefault(c["relation"], []).append(c)
    if not groups:
        out.print("no connections")
    for relation, rows in groups.items():
        table = Table("", "entity", "type", "weight", "detail", "evidence", title=f"{relation} ({len(rows)})", title_justify="left")
        for c in rows:
            evidence = c["evidence"][0]["sentence"] if c["evidence"] else ""
            table.add_row(_arrow(c["direction"]), c["entity"]["name"], c["entity"]["type"], str(c["weight"]),
                          c.get("title") or c.get("predicate") or "", evidence)
        out.print(table)
