"""Option values converted without pydantic when they are plain (issue 16, "Fast start").

typer (0.29 and later) converts every parameter through a pydantic ``TypeAdapter``:
importing pydantic and building the adapters was ~50 ms of a ~200 ms ``newsgraph entity
--json``, more than the query itself. The values our commands take are plain: ``str``,
``int`` and ``float`` (some with ``min``/``max``), ``bool`` flags and ``list[str]``. For
those, when the value is well formed and within its range, the conversion is Python's
own (``int("5")``); anything else (a malformed or out-of-range value, a ``Path``, a type
this module does not know) goes to typer's own conversion, so every error line is typer's,
word for word.

This is the one module that relies on typer internals: a typer parameter converts through
``param.get_runtime_param().coerce(value, param=..., ctx=...)``, built on first use into
``param._runtime_param``; ``use_plain_coercion`` sets that attribute first. With a typer
that has neither, nothing is changed and typer converts as it always did.
tests/test_cli_coerce.py checks, for every parameter of every command and a corpus of
values, that this gives what typer's conversion gives (value, type or error line), and
tests/test_startup.py that a read command imports no pydantic.
"""

from __future__ import annotations

import re
from typing import Any

_DELEGATE = object()
_INT = re.compile(r"-?[0-9]{1,18}")
_FLOAT = re.compile(r"-?[0-9]{1,18}(?:\.[0-9]{1,18})?")


class PlainCoercion:
    """Stands in for typer's runtime conversion of one parameter."""

    def __init__(self, param: Any) -> None:
        descriptor = param.type_descriptor
        info = descriptor.parameter_info
        self.multi = bool(param.multiple) or param.nargs == -1
        self.min, self.max = info.min, info.max
        annotation = descriptor.annotation
        plain = descriptor.file_annotation is None and info.parser is None and not info.clamp
        if not plain:
            self.kind = None
        elif self.multi:
            self.kind = "strs" if annotation == list[str] else None
        else:
            self.kind = {str: "str", int: "int", float: "float", bool: "bool"}.get(annotation)

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:  # as typer's RuntimeParam.coerce
            return () if self.multi else None
        plain = self._plain(value)
        if plain is not _DELEGATE:
            return plain
        from typer._coercion import build_runtime_param

        return build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)

    def _plain(self, value: Any) -> Any:
        kind, cls = self.kind, type(value)
        if kind == "str":
            return value if cls is str else _DELEGATE
        if kind == "bool":  # a flag (typer skips a bool already; -h unset is None, above)
            return value if cls is bool else _DELEGATE
        if kind == "strs":
            if cls in (tuple, list) and all(type(v) is str for v in value):
                return list(value)
            return _DELEGATE
        number: int | float
        if kind == "int":
            if cls is int:
                number = value
            elif cls is str and _INT.fullmatch(value):
                number = int(value)
            else:
                return _DELEGATE
        elif kind == "float":
            if cls is float or cls is int:
                number = float(value)
            elif cls is str and _FLOAT.fullmatch(value):
                number = float(value)
            else:
                return _DELEGATE
        else:
            return _DELEGATE
        if (self.min is not None and number < self.min) or (self.max is not None and number > self.max):
            return _DELEGATE  # typer words the range error
        return number


def use_plain_coercion(param: Any) -> Any:
    """Give a typer parameter the plain conversion, where typer has the hook for it."""
    if hasattr(param, "type_descriptor") and getattr(param, "_runtime_param", _DELEGATE) is None:
        coercion = PlainCoercion(param)
        if coercion.kind is not None:
            param._runtime_param = coercion
    return param
