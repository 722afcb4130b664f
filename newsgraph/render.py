"""Rich rendering of results for the terminal; JSON output bypasses this module."""

from __future__ import annotations

import csv
import json
from typing import IO, Any, Mapping

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.kg import IngestSummary
from newsgraph.terminal_text import strip_controls

__all__ = [
    "SafeConsole", "below_floor_line", "cell_text", "cypher_json", "render_cypher_table", "render_entity_card", "render_summary",
    "strip_controls", "write_cypher_csv",
]


class SafeConsole(Console):
    """A rich Console that strips control characters from every string it renders (print
    arguments and table cells both go through ``render_str``); rich's own styling is
    added after, so colours still work."""

    def render_str(self, text: str, *args: Any, **kwargs: Any) -> Text:
        return super().render_str(strip_controls(text), *args, **kwargs)


def render_summary(out: Console, s: IngestSummary) -> None:
    out.print(
        f"documents: {s.documents_new} new, {s.documents_present} already present, {s.documents_failed} failed; "
        f"store: {s.entities} entities, {s.relations} relations"
    )
    if s.skipped:
        out.print("skipped: " + ", ".join(f"{n} {reason}" for reason, n in sorted(s.skipped.items())))


def _arrow(direction: str) -> str:
    return {"out": "->", "in": "<-"}.get(direction, "--")


CARD_ROWS_PER_RELATION = 10


def below_floor_line(hidden: int, floor: float) -> str | None:
    """The line under a card or connection list that says what the confidence floor hides
    (the brief: weaker findings stay in the store, marked, shown on request); None when
    it hides nothing."""
    if hidden <= 0:
        return None
    return (f"{hidden} more relation{'s' if hidden != 1 else ''} below confidence {floor:g}: "
            "--min-confidence 0 shows them")


def render_entity_card(out: Console, card: Mapping[str, Any], below_floor: int = 0, floor: float = 0.0) -> None:
    """A compact card: one line per connection and its best evidence sentence under it,
    so it reads well in a terminal of any width and in a pipe. ``below_floor``: how many
    relations the confidence floor ``floor`` left out (KnowledgeGraph.below_floor)."""
    out.print(f"{card['name']}  [{card['type']}]  id={card['id']}")
    if card["aliases"]:
        out.print("aliases: " + ", ".join(card["aliases"]))
    out.print(f"mentions: {card['mentions']} in {card['documents']} documents"
              + (f"; seen {card['first_seen']} to {card['last_seen']}" if card.get("first_seen") else ""))
    if card.get("bylines"):
        # an author the text never names is marked as such, not shown as a person it speaks of
        out.print(f"byline of {card['bylines']} document{'s' if card['bylines'] != 1 else ''}"
                  + ("; not named in any article's text" if not card["mentions"] else ""))
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in card["connections"]:
        groups.setdefault(c["relation"], []).append(c)
    if not groups:
        out.print("no connections")
    for relation, rows in groups.items():
        out.print(f"\n{relation} ({len(rows)})")
        for c in rows[:CARD_ROWS_PER_RELATION]:
            detail = c.get("title") or c.get("predicate") or ""
            other = c["entity"]
            out.print(
                f"  {_arrow(c['direction'])} {other['name']} [{other['type']}]  weight {c['weight']}"
                + (f"  ({detail})" if detail else "")
            )
            if c["evidence"]:
                out.print(f"       \"{c['evidence'][0]['sentence']}\"")
        if len(rows) > CARD_ROWS_PER_RELATION:
            out.print(f"  ... and {len(rows) - CARD_ROWS_PER_RELATION} more (use --json for all)")
    hidden = below_floor_line(below_floor, floor)
    if hidden:
        out.print("\n" + hidden)


# -- Cypher results (moved from queries/results.py: the query layer returns, this prints) --
def cypher_json(result: Mapping[str, Any]) -> str:
    return json.dumps({"columns": result["columns"], "rows": result["rows"]}, ensure_ascii=False, indent=2)


def cell_text(value: Any) -> str:
    """One cell as text: strings as they are, null as empty, anything else as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_cypher_csv(result: Mapping[str, Any], out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result["columns"])
    for row in result["rows"]:
        writer.writerow([cell_text(row.get(c)) for c in result["columns"]])


def render_cypher_table(out: Console, result: Mapping[str, Any]) -> None:
    table = Table(*result["columns"])
    for row in result["rows"]:
        table.add_row(*(cell_text(row.get(c)) for c in result["columns"]))
    out.print(table)
    n = len(result["rows"])
    out.print(f"{n} row{'s' if n != 1 else ''}")
