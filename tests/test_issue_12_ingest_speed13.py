"""Issue 12 (ingest speed), session 13: the language detector only for text that is not
plainly English, and the worker pool's last chunks small so that the workers finish
together. Texts written for the test."""

from __future__ import annotations

import gc

import pytest

from newsgraph.extract import parallel
from newsgraph.extract.readers import language

ENGLISH = (
    "The harbour board said on Tuesday that it would close the old ferry pier, which has been "
    "losing money for years, and that the ferries from the island will use the new terminal. "
    "Fishermen who work from the pier said they were not consulted, but the board said its "
    "plans had been published in the spring and that their berths would move with them."
)

# Not English, each long enough to be judged by detection (language.MIN_CHARS).
FOREIGN = {
    "fr": "Le conseil municipal a décidé mardi de fermer l'ancien quai des ferries, qui perd de "
          "l'argent depuis des années. Les pêcheurs qui travaillent sur le quai disent qu'ils n'ont "
          "pas été consultés, mais la mairie affirme que le projet a été publié au printemps.",
    "de": "Der Hafenrat hat am Dienstag beschlossen, den alten Fähranleger zu schließen, der seit "
          "Jahren Geld verliert. Die Fischer, die dort arbeiten, sagen, sie seien nicht gefragt "
          "worden, aber der Rat erklärte, die Pläne seien schon im Frühjahr veröffentlicht worden.",
    "nl": "Het havenbestuur heeft dinsdag besloten de oude veerpier te sluiten, die al jaren geld "
          "verliest. De vissers die vanaf de pier werken zeggen dat ze niet zijn geraadpleegd, maar "
          "het bestuur zegt dat de plannen in het voorjaar zijn gepubliceerd en dat is gebeurd.",
    "es": "La junta del puerto decidió el martes cerrar el viejo muelle de los transbordadores, que "
          "pierde dinero desde hace años. Los pescadores que trabajan en el muelle dicen que no "
          "fueron consultados, pero la junta afirma que el plan se publicó en la primavera.",
    "da": "Havnebestyrelsen besluttede tirsdag at lukke den gamle færgemole, som har tabt penge i "
          "mange år. Fiskerne, der arbejder fra molen, siger, at de ikke er blevet spurgt, men "
          "bestyrelsen siger, at planerne blev offentliggjort i foråret, og at de kan flytte med.",
    "it": "Il consiglio del porto ha deciso martedì di chiudere il vecchio molo dei traghetti, che "
          "perde soldi da anni. I pescatori che lavorano sul molo dicono di non essere stati "
          "consultati, ma il consiglio afferma che il progetto era stato pubblicato in primavera.",
}


def test_issue_12_plainly_english_text_is_judged_without_the_detector():
    """The detector's model takes 0.6-1.0 s to load and ~3 ms an article to run; news in
    English says so in its function words ("the", "and", "which", "would")."""
    language._identifier.cache_clear()
    verdict = language.judge(ENGLISH)
    assert verdict == language.Verdict("en", True, "detected")
    assert language.judge(ENGLISH, "fr") == verdict  # as the detector: the text outweighs the declaration
    assert language._identifier.cache_info().currsize == 0  # never loaded


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_issue_12_other_languages_still_go_to_the_detector(code):
    text = FOREIGN[code]
    assert len(text) >= language.MIN_CHARS
    assert not language.plainly_english(text)
    verdict = language.judge(text)
    assert not verdict.english and verdict.language == code


def test_issue_12_english_words_in_a_short_text_are_no_proof():
    """A headline's worth of English ("The Lord and the Sea") inside another language's
    text is too few markers to skip the detector."""
    text = ("The Lord and the Sea: " + FOREIGN["fr"])
    assert not language.plainly_english(text)
    assert not language.judge(text).english


def test_issue_12_last_chunks_shrink_so_workers_finish_together():
    """Whole chunks while the input lasts; its last articles in ever smaller chunks, the
    very last one article each; every article once, in order."""
    items = list(range(100))
    chunks = list(parallel._chunks(items, 8, 2))
    assert [x for chunk in chunks for x in chunk] == items
    sizes = [len(c) for c in chunks]
    assert sizes[:10] == [8] * 10
    assert sizes[10:] == sorted(sizes[10:], reverse=True) and max(sizes[10:]) < 8
    assert sizes[-4:] == [1, 1, 1, 1]
    assert list(parallel._chunks([], 8, 2)) == []


def test_issue_12_pool_unfreezes_the_collector(nlp):
    """The pool freezes what the parent holds before forking (``gc.freeze``) and lets it go
    when the input ends."""
    before = gc.get_freeze_count()
    items = [(ENGLISH, {"document_id": f"d{i}"}) for i in range(3)]
    docs = list(parallel.extract_parallel(items, workers=2))
    assert [d.id for d in docs] == ["d0", "d1", "d2"]
    assert gc.get_freeze_count() == before
