"""Which articles are English: the model is English, so an article in another language
would be parsed into junk entities; it is skipped and counted instead (issue 18).

Detection is py3langid (langid.py's model, 97 languages, 4.5 MB installed with its model,
numpy only, nothing downloaded at run time; about 3 ms per article on the first
``SAMPLE_CHARS`` characters). Short texts are not judged by detection, which is
unreliable on a sentence ("Rubio met Bukele." reads as Lithuanian); there the language the
page declares (``<html lang>``, ``og:locale``) decides, and a text that declares nothing is
taken as English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

ENGLISH = "en"
MIN_CHARS = 200  # below this, detection is a guess: only a declared language counts
SAMPLE_CHARS = 2000  # the opening of an article tells its language; the rest only costs time
MIN_PROBABILITY = 0.90  # skip only when the detector is sure the text is not English


@dataclass(frozen=True)
class Verdict:
    language: str  # ISO 639-1 ("en", "fr"), the detected or declared one
    english: bool
    how: str  # "detected", "declared", "assumed"

    def skip_reason(self) -> str:
        return f"not English ({self.language})"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import py3langid.langid as langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(language, probability) of ``text``'s opening."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(language), float(probability)


def judge(text: str, declared: str | None = None) -> Verdict:
    """Whether to read ``text`` as English; ``declared`` is what the input says, if anything."""
    declared = (declared or "").lower() or None
    if len(text) >= MIN_CHARS:
        language, probability = detect(text)
        if language == ENGLISH:
            return Verdict(ENGLISH, True, "detected")
        if probability >= MIN_PROBABILITY:
            return Verdict(language, False, "detected")
    if declared is not None:
        return Verdict(declared, declared == ENGLISH, "declared")
    return Verdict(ENGLISH, True, "assumed")
