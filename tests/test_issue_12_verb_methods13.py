"""Two shapes the verb rules lumped under a weaker method record their own (issue 12,
session 13), so the lead's refit can weigh each apart:

- ``dep_passive_place``: a place rule read in a passive without an agent ("Halvern Foods is
  based in Leeds", "Okafor was born in Leicester", "a charity based in Gloucester",
  "Born in Leeds, X"). It was ``dep_passive`` with the agent passives ("was backed by",
  "was set up by", the catch-all's "was represented by"), whose doer sits far from the verb
  and which the calibration fit weighs down; on dev the place shape is right 12 of 12
  (BASED_IN 8, FROM 4) and every one sat just below the floor (0.89-0.90).
- ``dep_conjoined``: two conjoined doers who sign or meet ("Kenya and Ethiopia signed an
  agreement", "the deal, signed by Kenya Power and Ethiopian Electric Power"): the pair is
  one arc apart, the act says they dealt with each other; it was ``dep`` with the transfers
  and takeovers the calibration fit weighs down for SIGNED_WITH (dev: right 6 of 6, all at 0.85).

Written sentences, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations
from newsgraph.extract.confidence import Instance, instance_features, method_families


@pytest.mark.issue(12)
def test_issue_12_based_in_as_a_passive_is_its_own_method(nlp):
    found = relations(nlp, "Halvern Foods is based in Leeds and employs 400 people.")
    assert ("Halvern Foods", "BASED_IN", "Leeds", "dep_passive_place") in found


@pytest.mark.issue(12)
def test_issue_12_born_in_is_its_own_method(nlp):
    found = relations(nlp, "Martin Keogh was born in Galway and moved to Boston as a child.")
    assert ("Martin Keogh", "FROM", "Galway", "dep_passive_place") in found


@pytest.mark.issue(12)
def test_issue_12_an_agent_passive_stays_dep_passive(nlp):
    # The doer in a "by" phrase: the weaker shape keeps its method.
    found = relations(nlp, "Halvern Foods was founded in 1998 by Peter Walsh, a former baker.")
    assert ("Peter Walsh", "WORKS_FOR", "Halvern Foods", "dep_passive") in found


@pytest.mark.issue(12)
def test_issue_12_conjoined_signers_are_their_own_method(nlp):
    found = relations(nlp, "Norway and Iceland signed a fishing agreement on Tuesday in Oslo.")
    assert ("Norway", "SIGNED_WITH", "Iceland", "dep_conjoined") in found


@pytest.mark.issue(12)
def test_issue_12_a_club_signing_a_player_stays_dep(nlp):
    found = relations(nlp, "Calder Athletic have signed striker Tom Redfern on a two-year contract.")
    assert ("Tom Redfern", "SIGNED_WITH", "Calder Athletic", "dep") in found


def test_issue_12_new_verb_methods_are_of_the_verb_family():
    # A known family: the model reads the verb family's weight until the refit sees the
    # method (a method of no family would be held below the floor).
    for method in ("dep_passive_place", "dep_conjoined"):
        assert method_families()[method] == "verb"
        assert "family=verb" in instance_features(Instance(method, "BASED_IN", 2, 1, 1))
