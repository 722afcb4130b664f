"""Check gold label files (``benchmarks/gold/labels/*.json``) against the format of
``benchmarks/gold/README.md`` and against their article's text.

    python3 benchmarks/gold_check.py benchmarks/gold/labels/page-*.json
    python3 benchmarks/gold_check.py --bbc ../shared/datasets/news/bbc_news.jsonl benchmarks/gold/labels/bbc-*.json

One line per problem (``file: what``), exit status 1 if there is any. Checked:

* the JSON shape: the keys of the file, of each entity, relation, trap and excluded entry,
  and their types (a page has ``path`` and ``furniture``; ``published`` is a date or null);
* entity types are newsgraph's (``graph/model.py`` ``ENTITY_TYPES``), names unique, and no
  form (name or surface, folded) belongs to two entities (the scorer would count a right node
  as a wrong merge: the second keeps it under ``shared_forms``);
* every relation's and trap's head and tail is an entity of the file (its canonical name,
  folded as the scorer ``gold_quality.py`` folds it: ``normalise_name``), a ``HOLDS_ROLE``
  has a ``title``;
* relation types belong to the schema, read from the code: the verb rules'
  ``extract/data/relations.jsonl``, the learned classifier's ``SCHEMA`` and the
  ``type="..."`` literals of ``extract/`` (``HOLDS_ROLE``); ``INTERACTED_WITH``,
  ``CO_OCCURS_WITH`` and ``NATIONALITY_OF`` are never labelled;
* every ``sentence``/``sentences`` occurs in the article's text, whitespace-normalised;
  every entity surface form, every furniture string occurs in it (surface forms as written,
  case kept);
* ``id`` is the file's name, ``split`` equals ``splits.json`` beside ``labels/``.

Only the standard library is used (``graph/model.py`` is loaded as a file), so plain
``python3`` runs it. A BBC article's text is read from ``--bbc`` (default: the data set
beside the repository); without it the text checks of BBC files are skipped, with one note
on stderr.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BBC = REPO.parent / "shared" / "datasets" / "news" / "bbc_news.jsonl"
NOT_LABELLED = {"INTERACTED_WITH", "CO_OCCURS_WITH", "NATIONALITY_OF"}
SPLITS = {"dev", "test", "calibration"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

TOP_REQUIRED = {"id": str, "source": str, "split": str, "title": str, "entities": list, "relations": list,
                "traps": list, "excluded": list, "notes": str}
PAGE_REQUIRED = {"path": str, "furniture": list}
ENTITY_KEYS = {"name": str, "type": str, "surface": list}
ENTITY_OPTIONAL = {"sense": str, "shared_forms": list}
RELATION_KEYS = {"head", "type", "tail", "sentence", "sentences", "title"}
TRAP_KEYS = RELATION_KEYS | {"why"}


def _model() -> Any:
    spec = importlib.util.spec_from_file_location("_newsgraph_model", REPO / "graph" / "model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while it loads
    spec.loader.exec_module(module)
    return module


MODEL = _model()
fold = MODEL.normalise_name
ENTITY_TYPES = set(MODEL.ENTITY_TYPES)


def schema_types(repo: Path = REPO) -> set[str]:
    """The relation types newsgraph extracts, read from its code and rule data."""
    types: set[str] = set()
    for line in (repo / "extract" / "data" / "relations.jsonl").read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            relation = json.loads(line).get("relation")
            if isinstance(relation, str):
                types.add(relation)
    learned = (repo / "extract" / "learned.py").read_text("utf-8")
    block = re.search(r"^SCHEMA\b.*?^}", learned, re.S | re.M)
    if block:
        types |= set(re.findall(r'^\s+"([A-Z_]+)":', block.group(0), re.M))
    for path in sorted((repo / "extract").glob("*.py")):
        types |= set(re.findall(r'\btype="([A-Z_]+)"', path.read_text("utf-8")))
    return types - NOT_LABELLED


def squash(text: str) -> str:
    return " ".join(text.split())


def bbc_texts(path: Path, ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("id") in ids:
                out[row["id"]] = "\n".join(str(row.get(k) or "") for k in ("title", "text", "content", "body"))
    return out


def _shape(where: str, obj: dict[str, Any], required: dict[str, type], optional: dict[str, type],
           problems: list[str]) -> None:
    for key, kind in required.items():
        if key not in obj:
            problems.append(f"{where}: missing key {key!r}")
        elif not isinstance(obj[key], kind):
            problems.append(f"{where}: {key!r} is {type(obj[key]).__name__}, not {kind.__name__}")
    for key, kind in optional.items():
        if key in obj and not isinstance(obj[key], kind):
            problems.append(f"{where}: {key!r} is {type(obj[key]).__name__}, not {kind.__name__}")
    for key in obj:
        if key not in required and key not in optional:
            problems.append(f"{where}: unknown key {key!r}")


def _strings(where: str, value: Any, problems: list[str]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        problems.append(f"{where}: not a list of strings")
        return []
    return value


def check_file(path: Path, splits: dict[str, str] | None, types: set[str], text: str | None) -> list[str]:
    """Problems of one label file (``text``: its article's text, None to skip text checks)."""
    name = str(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{name}: not readable JSON ({exc})"]
    if not isinstance(data, dict):
        return [f"{name}: not a JSON object"]
    problems: list[str] = []
    page = data.get("source") == "page"
    required = dict(TOP_REQUIRED, **(PAGE_REQUIRED if page else {}))
    _shape(name, {k: v for k, v in data.items() if k != "published"}, required,
           {} if page else {"path": str, "furniture": list}, problems)
    if "published" not in data:
        problems.append(f"{name}: missing key 'published'")
    elif data["published"] is not None and not (isinstance(data["published"], str) and DATE.match(data["published"])):
        problems.append(f"{name}: 'published' {data['published']!r} is not YYYY-MM-DD or null")
    if data.get("source") not in {"bbc", "page"}:
        problems.append(f"{name}: 'source' {data.get('source')!r} is not 'bbc' or 'page'")
    if data.get("id") != path.stem:
        problems.append(f"{name}: 'id' {data.get('id')!r} is not the file's name {path.stem!r}")
    split = data.get("split")
    if split not in SPLITS:
        problems.append(f"{name}: 'split' {split!r} is not one of {sorted(SPLITS)}")
    if splits is not None:
        if data.get("id") not in splits:
            problems.append(f"{name}: id {data.get('id')!r} not in splits.json")
        elif splits[data["id"]] != split:
            problems.append(f"{name}: split {split!r} but splits.json says {splits[data['id']]!r}")
    if page and isinstance(data.get("path"), str) and not re.fullmatch(rf"pages/{re.escape(str(data.get('id')))}-[a-z0-9-]+\.txt", data["path"]):
        problems.append(f"{name}: 'path' {data['path']!r} is not pages/{data.get('id')}-<slug>.txt")
    body = squash(text) if text is not None else None

    names: dict[str, str] = {}
    for n, e in enumerate(data.get("entities") or []):
        where = f"{name}: entity {n}"
        if not isinstance(e, dict):
            problems.append(f"{where}: not an object")
            continue
        _shape(where, e, ENTITY_KEYS, ENTITY_OPTIONAL, problems)
        label = e.get("name")
        if not isinstance(label, str) or not label.strip():
            continue
        where = f"{name}: entity {label!r}"
        if e.get("type") not in ENTITY_TYPES:
            problems.append(f"{where}: type {e.get('type')!r} is not one of {sorted(ENTITY_TYPES)}")
        if e.get("sense") not in (None, "team"):
            problems.append(f"{where}: sense {e.get('sense')!r} is not 'team'")
        key = fold(label)
        if key in names:
            problems.append(f"{where}: same folded name as entity {names[key]!r}")
        names[key] = label
        forms = list(_strings(f"{where} surface", e.get("surface", []), problems))
        forms += _strings(f"{where} shared_forms", e.get("shared_forms", []), problems)
        for form in forms:
            if body is not None and squash(form) not in body:
                problems.append(f"{where}: surface form {form!r} not in the text")

    owners: dict[str, set[str]] = {}
    for e in data.get("entities") or []:
        if isinstance(e, dict) and isinstance(e.get("name"), str):
            forms = [e["name"]] + [s for s in e.get("surface", []) if isinstance(s, str)] \
                if isinstance(e.get("surface", []), list) else [e["name"]]
            for form in forms:
                if fold(form):
                    owners.setdefault(fold(form), set()).add(e["name"])
    for key, who in sorted(owners.items()):
        if len(who) > 1:
            problems.append(f"{name}: form {key!r} names {sorted(who)} (the scorer would see a wrong merge; "
                            "keep it in one entity's surface and list it under the other's shared_forms)")

    def ends(where: str, r: dict[str, Any]) -> None:
        if not isinstance(r.get("head"), str):
            problems.append(f"{where}: head {r.get('head')!r} is not a string")
        elif fold(r["head"]) not in names:
            problems.append(f"{where}: head {r['head']!r} is not an entity of the file")
        tails = r.get("tail")
        tails = tails if isinstance(tails, list) else [tails]
        if not tails:
            problems.append(f"{where}: empty tail list")
        for t in tails:
            if not isinstance(t, str):
                problems.append(f"{where}: tail {t!r} is not a string")
            elif fold(t) not in names:
                problems.append(f"{where}: tail {t!r} is not an entity of the file")

    for group, allowed in (("relations", RELATION_KEYS), ("traps", TRAP_KEYS)):
        for n, r in enumerate(data.get(group) or []):
            where = f"{name}: {group[:-1]} {n}"
            if not isinstance(r, dict):
                problems.append(f"{where}: not an object")
                continue
            where += f" ({r.get('head')} {r.get('type')} {r.get('tail')})"
            for key in r:
                if key not in allowed:
                    problems.append(f"{where}: unknown key {key!r}")
            ends(where, r)
            kind = r.get("type")
            if group == "relations" and kind not in types:
                problems.append(f"{where}: type {kind!r} is not a labelled relation type of the schema")
            if group == "traps" and kind not in types | NOT_LABELLED:
                problems.append(f"{where}: type {kind!r} is not a relation type of the schema")
            if kind == "HOLDS_ROLE" and group == "relations" and not (isinstance(r.get("title"), str) and r["title"].strip()):
                problems.append(f"{where}: HOLDS_ROLE without a title")
            if group == "traps" and not (isinstance(r.get("why"), str) and r["why"].strip()):
                problems.append(f"{where}: trap without a 'why'")
            if ("sentence" in r) == ("sentences" in r):
                problems.append(f"{where}: needs exactly one of 'sentence' and 'sentences'")
            sentences = [r["sentence"]] if isinstance(r.get("sentence"), str) else \
                _strings(f"{where} sentences", r.get("sentences", []), problems) if "sentences" in r else []
            if "sentence" in r and not isinstance(r["sentence"], str):
                problems.append(f"{where}: 'sentence' is not a string")
            for s in sentences:
                if not s.strip():
                    problems.append(f"{where}: empty sentence")
                elif body is not None and squash(s) not in body:
                    problems.append(f"{where}: sentence not in the text: {s[:80]!r}")

    for n, x in enumerate(data.get("excluded") or []):
        where = f"{name}: excluded {n}"
        if not isinstance(x, dict):
            problems.append(f"{where}: not an object")
            continue
        _shape(where, x, {"name": str, "why": str}, {}, problems)
    for n, f in enumerate(data.get("furniture") or []):
        if not isinstance(f, str):
            problems.append(f"{name}: furniture {n} is not a string")
        elif body is not None and squash(f) not in body:
            problems.append(f"{name}: furniture {f!r} not in the text")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path, help="label files (labels/<id>.json)")
    ap.add_argument("--bbc", type=Path, default=DEFAULT_BBC, help="the BBC data set (JSONL with id and text)")
    args = ap.parse_args(argv)
    types = schema_types()
    problems: list[str] = []
    bbc_ids = {p.stem for p in args.files if p.stem.startswith("bbc-")}
    texts: dict[str, str] = {}
    if bbc_ids:
        if args.bbc.is_file():
            texts = bbc_texts(args.bbc, bbc_ids)
        else:
            print(f"note: {args.bbc} not found: BBC files' text checks skipped", file=sys.stderr)
    split_cache: dict[Path, dict[str, str] | None] = {}
    for path in args.files:
        gold_dir = path.resolve().parent.parent
        if gold_dir not in split_cache:
            sp = gold_dir / "splits.json"
            split_cache[gold_dir] = json.loads(sp.read_text("utf-8")) if sp.is_file() else None
            if split_cache[gold_dir] is None:
                problems.append(f"{sp}: splits.json not found")
        text = None
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            data = {}
        if isinstance(data, dict) and data.get("source") == "page" and isinstance(data.get("path"), str):
            page = gold_dir / data["path"]
            if page.is_file():
                text = page.read_text("utf-8")
            else:
                problems.append(f"{path}: page {data['path']} not found")
        elif path.stem in texts:
            text = texts[path.stem]
        elif bbc_ids and args.bbc.is_file() and path.stem.startswith("bbc-"):
            problems.append(f"{path}: id not in {args.bbc}")
        problems += check_file(path, split_cache[gold_dir], types, text)
    for p in problems:
        print(p)
    print(f"{len(args.files)} files, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
