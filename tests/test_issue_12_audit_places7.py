"""Place and role relations judged wrong on unlabelled BBC articles in the seventh precision
audit (issue 12, samples 9 and 10, benchmarks/README.md): each test is a sentence written for
the test in the shape of one class, with the real spaCy model; the right edge beside it stays."""

from __future__ import annotations

import pytest

from extraction_support import ruled, titles


@pytest.mark.issue(12)
def test_issue_12_firm_typed_location_after_a_country_possessive_is_no_place(nlp):
    # "France's Ubisoft": the small model types the firm Location; a place the gazetteers
    # know ("Indonesia's Aceh") still lies in the country. (Session 10: "Shares in Ubisoft"
    # makes it the company, retype_places_as_companies; a firm BASED_IN France is right.)
    found = ruled(nlp, "Shares in France's Ubisoft rose after the rumours of a bid.")
    assert not any(h == "Ubisoft" and r == "LOCATED_IN" for h, r, _ in found)
    found = ruled(nlp, "Indonesia's Aceh was the worst hit province.")
    assert ("Aceh", "LOCATED_IN", "Indonesia") in found


@pytest.mark.issue(12)
def test_issue_12_owner_typed_location_that_is_no_place_places_nothing(nlp):
    # "Canon's EOS 300D camera", "Suprnova administrator Sloncek": a firm or a website typed
    # Location is nobody's home; "Belfast's Lyric Theatre" is in Belfast.
    found = ruled(nlp, "Other awards included one for Canon's EOS 300D digital camera in the hardware category.")
    assert not any(t == "Canon" for _, _, t in found)
    found = ruled(nlp, "Despite Suprnova administrator Sloncek's involvement with Exeem, the technology came from a firm based in Nevis.")
    assert not any(t == "Suprnova" for _, _, t in found)
    found = ruled(nlp, "Belfast's Lyric Theatre will reopen next year.")
    assert ("Lyric Theatre", "LOCATED_IN", "Belfast") in found
    # A big city known by its English name (geonames' official name is "Sevilla").
    found = ruled(nlp, "He lost both his singles on the slow clay of Seville's Olympic Stadium.")
    assert ("Olympic Stadium", "LOCATED_IN", "Seville") in found


@pytest.mark.issue(12)
def test_issue_12_person_of_a_firm_the_tagger_calls_a_place_lives_nowhere(nlp):
    # "Dr Karl Madsen of BT": the tagger reads BT as a place; the gazetteers do not.
    found = ruled(nlp, '"We are pleased," explained Dr Karl Madsen of BT, who runs the trial.')
    assert not any(r == "LIVES_IN" and t == "BT" for _, r, t in found)
    found = ruled(nlp, '"We are pleased," said Mark Trotter of California.')
    assert ("Mark Trotter", "LIVES_IN", "California") in found


@pytest.mark.issue(12)
def test_issue_12_club_typed_location_in_a_country_is_no_place(nlp):
    # "a move back to Botafogo in Brazil": a club the model typed Location.
    found = ruled(nlp, "Talk of a move back to Botafogo in Brazil has grown.")
    assert ("Botafogo", "LOCATED_IN", "Brazil") not in found


@pytest.mark.issue(12)
def test_issue_12_peer_title_of_a_place_is_no_home_or_employer(nlp):
    # "the Duke of Edinburgh": a peer's title, not a duke living in or working for Edinburgh.
    found = ruled(nlp, "The Queen and Duke of Edinburgh visited the school on Monday.")
    assert not any(t == "Edinburgh" for _, _, t in found)


@pytest.mark.issue(12)
def test_issue_12_cut_place_name_is_no_containment(nlp):
    # "Kentish Town, London" tagged as "Kentish" and "Town": no "Town" in London; a whole
    # name before its county still is.
    text = "After the cuts there are 80 staff at its offices in Edgware, with 17 at its offices in Kentish Town, London, and 22 in Cambridge."
    found = ruled(nlp, text)
    assert not any(h == "Town" for h, _, _ in found)
    found = ruled(nlp, "He spoke to voters at a meeting in Hinckley, Leicestershire.")
    assert ("Hinckley", "LOCATED_IN", "Leicestershire") in found


@pytest.mark.issue(12)
def test_issue_12_government_title_drops_the_country_word_it_names(nlp):
    # "The Turkish economics minister, Ali Babacan": Turkey is the tail, "Economics Minister"
    # the title.
    found = titles(nlp, "Turkey has agreed a new loan with the International Monetary Fund. "
                        "The Turkish economics minister, Ali Babacan, said the two sides had reached agreement.")
    assert ("Ali Babacan", "Economics Minister", "Turkey") in found


@pytest.mark.issue(12)
def test_issue_12_person_noun_before_a_name_typed_organisation_gives_no_base(nlp):
    # "Cuban pianist Bebo Valdes" with the musician typed Organization (as the resolver did in
    # an article): a pianist is a person, no firm based in Cuba. "German carmaker Volkswagen"
    # is. The mention index is built by hand so the test does not hang on the model's label.
    from newsgraph.extract.noun_relations import nationality_prefix_relations
    from newsgraph.extract.relation_base import EntityIndex, ExtractionInput, MentionSpan

    def bases(text: str, name: str) -> list[str]:
        doc = nlp(text)
        start = next(t.i for t in doc if t.text == name.split()[0])
        mention = MentionSpan("organization:x", "Organization", start, start + len(name.split()), 0)
        x = ExtractionInput(doc, EntityIndex.build([mention]), [0] * len(doc), nlp, {}, False)
        return [r.tail for r in nationality_prefix_relations(x)]

    assert bases("Cuban pianist Bebo Valdes won an award for the album.", "Bebo Valdes") == []
    assert bases("German carmaker Volkswagen reported higher profits.", "Volkswagen") == ["country:DEU"]
    # A noun for a firm and a person alike ("broker") leaves the firm its base.
    assert bases("Jobs are to go at American insurance broker Marsh & McLennan this year.", "Marsh & McLennan") == ["country:USA"]


@pytest.mark.issue(12)
def test_issue_12_pair_of_names_whose_second_is_no_known_place_is_no_containment(nlp):
    # "Subs Not Used: Warrington, Maloney": two players, however the model types them.
    found = ruled(nlp, "Wigan: Smith, Jones, Brown. Subs Not Used: Warrington, Maloney.")
    assert not any(t == "LOCATED_IN" and x == "Maloney" for _, t, x in found)
    found = ruled(nlp, "The fire started at a warehouse in Pease Pottage, West Sussex, on Monday.")
    assert ("Pease Pottage", "LOCATED_IN", "West Sussex") in found


@pytest.mark.issue(12)
def test_issue_12_apposition_place_belongs_to_the_nearest_name(nlp):
    # "John Palmer, political director at the European Policy Centre, a Brussels-based
    # think-tank": the think-tank is in Brussels, not Palmer's home.
    found = ruled(nlp, '"It is very ambitious," said John Palmer, political director at the European Policy Centre, a Brussels-based think-tank.')
    assert ("John Palmer", "LIVES_IN", "Brussels") not in found
    # Names joined with the head share its apposition.
    found = ruled(nlp, "Dresdner Bank and Commerzbank, two lenders from Germany, hold 6% each.")
    assert ("Dresdner Bank", "BASED_IN", "Germany") in found
    # A person the apposition describes keeps the home.
    found = ruled(nlp, '"Podcasts are here to stay," said Doug Kaye, a California-based podcaster.')
    assert ("Doug Kaye", "LIVES_IN", "California") in found
    found = ruled(nlp, "Under the plans, Patrick Cescau, the UK-based co-chairman, will become chief executive.")
    assert ("Patrick Cescau", "LIVES_IN", "United Kingdom") in found


@pytest.mark.issue(12)
def test_issue_12_firm_noun_before_a_name_typed_person_gives_no_nationality(nlp):
    # "US wine maker Robert Mondavi": the winery, typed Person; a maker is a firm.
    found = ruled(nlp, "Since then, it has paid $1bn for US wine maker Robert Mondavi, bought last month.")
    assert not any(h == "Robert Mondavi" and t == "FROM" for h, t, _ in found)
    found = ruled(nlp, "The cast also includes British actors Michael Maloney and Polly Adams, and US actor Will Smith.")
    assert ("Will Smith", "FROM", "United States") in found


@pytest.mark.issue(12)
def test_issue_12_firm_noun_apposed_to_a_name_typed_person_gives_no_home(nlp):
    # "Vestra, a Tampere-based chipmaker" with the firm typed Person (as the resolver did on a
    # dev page): a chipmaker is a firm, so no LIVES_IN. The index is built by hand so the test
    # does not hang on the model's label.
    from newsgraph.extract.noun_relations import apposition_place_relations
    from newsgraph.extract.relation_base import EntityIndex, ExtractionInput, MentionSpan

    def homes(text: str, name: str, place: str) -> list[str]:
        doc = nlp(text)
        at = next(t.i for t in doc if t.text == name)
        where = next(t.i for t in doc if t.text == place)
        mentions = [MentionSpan("person:x", "Person", at, at + 1, 0), MentionSpan("location:y", "Location", where, where + 1, 0)]
        x = ExtractionInput(doc, EntityIndex.build(mentions), [0] * len(doc), nlp, {}, False)
        return [r.type for r in apposition_place_relations(x)]

    assert homes("Vestra, a Tampere-based chipmaker, has signed a supply deal.", "Vestra", "Tampere") == []
    assert homes("Virtanen, a Tampere-based designer, has signed a supply deal.", "Virtanen", "Tampere") == ["LIVES_IN"]
