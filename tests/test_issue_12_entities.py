"""Entity types and resolution on sentences that used to fail (issue 12), real spaCy model."""

import pytest

from newsgraph import KnowledgeGraph


def entities(text: str) -> dict[str, str]:
    doc = KnowledgeGraph.extract_text(text)
    return {e.name: e.type for e in doc.entities if e.mentions}


@pytest.mark.issue(12)
def test_issue_12_clubs_in_a_sports_report_are_organisations():
    found = entities(
        "Southampton have confirmed that Harry Redknapp is their new manager. Redknapp left Portsmouth two weeks ago. "
        "Southampton are in the relegation zone of the Premiership and face Middlesbrough at home on Saturday. "
        "The Portsmouth chairman said the coach had been a great servant to the club. Redknapp was born in London."
    )
    assert found.get("Southampton") == "Organization"
    assert found.get("Portsmouth") == "Organization"
    assert found.get("Harry Redknapp") == "Person"
    assert "Premiership" not in found  # a competition, not an entity
    assert found.get("London") == "Location"  # born in London: the place


@pytest.mark.issue(12)
def test_issue_12_national_teams_are_organisations_and_places_elsewhere_stay_places():
    found = entities(
        "Scotland manager Steve Clarke has named his squad for the World Cup qualifiers against Greece and Belarus. "
        "The midfielder scored twice in the league match and the coach praised the team."
    )
    assert found.get("Scotland") == "Organization" and found.get("Greece") == "Organization"
    assert "World Cup" not in found
    assert entities("Greece and Belarus signed a trade agreement in Athens on Monday.").get("Greece") == "Country"


@pytest.mark.issue(12)
def test_issue_12_party_nicknames_are_one_organisation():
    doc = KnowledgeGraph.extract_text(
        "The Tories said the Conservative Party would win. A Tory spokesman said Conservatives were united, "
        "while the Lib Dems and the Liberal Democrat leader attacked Labour."
    )
    parties = {e.name: e.type for e in doc.entities if e.mentions}
    assert parties.get("Conservative Party") == "Organization"
    assert parties.get("Liberal Democrats") == "Organization" and parties.get("Labour Party") == "Organization"
    assert not {"Tories", "Tory", "Conservatives", "Lib Dems"} & set(parties)


@pytest.mark.issue(12)
def test_issue_12_works_products_events_and_awards_are_not_entities():
    found = entities(
        "Clint Eastwood's film Million Dollar Baby won four prizes at the Oscars. Poppy Langridge won Best Actress "
        "at the Baftas, and Microsoft showed the Xbox at the Consumer Electronics Show in Las Vegas."
    )
    assert not {"Million Dollar Baby", "Oscars", "Best Actress", "Baftas", "Xbox", "Consumer Electronics Show"} & set(found)
    assert found.get("Clint Eastwood") == "Person" and found.get("Microsoft") == "Organization"


@pytest.mark.issue(12)
def test_issue_12_nationality_adjectives_of_things_are_not_groups_but_peoples_are():
    found = entities("Indonesian shares rose on Monday. British officials met the minister in Birmingham.")
    assert "Indonesian" not in found
    assert found.get("British") == "Group"


@pytest.mark.issue(12)
def test_issue_12_a_first_name_joins_the_one_full_name_it_starts():
    doc = KnowledgeGraph.extract_text(
        "Chief Secretary to the Treasury Paul Boateng announced the plan on Monday. "
        "Paul said the government would publish the figures next week."
    )
    people = [e.name for e in doc.entities if e.type == "Person" and e.mentions]
    assert people == ["Paul Boateng"]


@pytest.mark.issue(12)
def test_issue_12_country_prefix_acronym_and_long_form_are_one_node():
    doc = KnowledgeGraph.extract_text(
        "The US Federal Communications Commission opened a review on Monday. The FCC said the Federal "
        "Communications Commission would decide by June. The African Development Bank (AfDB) is lending $400m; "
        "the AfDB said the line would be finished in 2027."
    )
    orgs = {e.name: e for e in doc.entities if e.type == "Organization" and e.mentions}
    assert "Federal Communications Commission" in orgs and "FCC" not in orgs
    assert "US Federal Communications Commission" not in orgs
    assert "African Development Bank" in orgs and "AfDB" not in orgs


@pytest.mark.issue(12)
def test_issue_12_fragments_of_names_and_titles_are_not_entities():
    found = entities(
        "The Public and Commercial Services Union called a strike on Monday. The New Home Secretary, Charles Clarke, "
        "met the Kenya Association of Manufacturers in Nairobi."
    )
    assert "Public" not in found and "New Home" not in found and "Kenya Association" not in found
    assert found.get("Public and Commercial Services Union") == "Organization"
    assert found.get("Kenya Association of Manufacturers") == "Organization"


@pytest.mark.issue(12)
def test_issue_12_a_company_and_a_person_sharing_its_name_stay_apart():
    doc = KnowledgeGraph.extract_text(
        "Varga Pharmaceuticals has appointed Ingrid Solberg as chief executive. Chairman Tamás Varga praised her. "
        "Solberg will take over at Varga on 1 July, the Budapest-based Varga said."
    )
    nodes = {e.name: e for e in doc.entities if e.mentions}
    assert nodes["Varga Pharmaceuticals"].type == "Organization" and nodes["Tamás Varga"].type == "Person"
    assert "Varga" not in nodes["Tamás Varga"].aliases


@pytest.mark.issue(12)
def test_issue_12_title_and_surname_is_the_surname_not_a_first_name():
    doc = KnowledgeGraph.extract_text(
        "Usability expert Jakob Nielsen published the study. Dr Nielsen said most sites were too slow. "
        "Howard Flight was sacked. Mr Howard said he had no choice."
    )
    people = {e.name: e for e in doc.entities if e.type == "Person" and e.mentions}
    assert "Nielsen" not in people and "Jakob Nielsen" in people
    assert people["Howard Flight"].mentions == 1  # "Mr Howard" is Michael Howard's surname, not Flight's first name


@pytest.mark.issue(12)
def test_issue_12_context_settles_a_mistyped_name():
    found = entities(
        "Troy Akers, 34, of Brewer, was arrested on Thursday. He is being held at Maine State Prison. "
        "Police in Maine said the rapper DMX was not involved."
    )
    assert found.get("Troy Akers") == "Person"
    assert found.get("Maine State Prison") == "Location"
    assert found.get("Maine") in {"Location", "Country", None} and found.get("Maine") != "Organization"


@pytest.mark.issue(12)
def test_issue_12_a_dateline_keeps_the_hague_whole():
    found = entities("THE HAGUE, Netherlands (PLI) - Karim Benali was deported to Morocco on Thursday.")
    assert "HAGUE" not in found and any(name.lower() == "the hague" for name in found)


@pytest.mark.issue(12)
def test_issue_12_the_demo_articles_show_only_correct_entities(examples_db):
    import sqlite3

    conn = sqlite3.connect(examples_db)
    nodes = {(t, n) for t, n in conn.execute("SELECT type, name FROM entities WHERE mentions > 0")}
    conn.close()
    people = {n for t, n in nodes if t == "Person"}
    assert people == {"Bernardo Arévalo", "Claudia Sheinbaum", "Marco Rubio", "Mark Carney", "Nayib Bukele"}
    organisations = {n for t, n in nodes if t == "Organization"}
    assert organisations == {"Bank of Canada", "Congress", "Panama Canal Authority", "State Department",
                             "United Nations", "White House"}
    places = {n for t, n in nodes if t == "Location"}
    assert {"Darién", "Miraflores", "Monterrey", "San Salvador", "Panama City"} <= places
    assert "Belt and Road Initiative" not in places
    assert {n for t, n in nodes if t == "Group"} == {"Chinese", "Guatemalan", "Mexican", "Panamanian", "Salvadoran"}


@pytest.mark.issue(12)
def test_issue_12_garbled_titles_are_not_role_titles():
    doc = KnowledgeGraph.extract_text(
        "Sepp Blatter, president of the Zurich-based body Fifa, said the World Cup would go ahead. "
        "At the meeting, Tony Blair spoke."
    )
    titles = {r.title for r in doc.relations if r.type == "HOLDS_ROLE"}
    assert "President of Based Body" not in titles and not any("Based" in (t or "") for t in titles)
    assert "At" not in {e.name for e in doc.entities}


@pytest.mark.issue(12)
def test_issue_12_a_hyphenated_surname_joins_its_full_name():
    doc = KnowledgeGraph.extract_text(
        "Robert Kilroy-Silk has quit the UK Independence Party. Mr Kilroy-Silk said he would form a new party. "
        "Kilroy-Silk added that Ukip had failed. The former chat show host Kilroy-Silk was an MEP."
    )
    nodes = {e.name: e for e in doc.entities if e.mentions}
    assert set(nodes) == {"Robert Kilroy-Silk", "UK Independence Party"}
    assert nodes["Robert Kilroy-Silk"].mentions == 4


@pytest.mark.issue(12)
def test_issue_12_people_the_model_joins_with_a_comma_are_two():
    from spacy.tokens import Span

    from newsgraph.extract.mentions import split_span
    from newsgraph.extract.pipeline import load_pipeline

    doc = load_pipeline()("The shortlist named Bryan Ferry, Mackay and others.")
    joined = Span(doc, 3, 7, label="PERSON")  # "Bryan Ferry, Mackay", as the model tagged it in a BBC story
    assert [p.text for p in split_span(joined)] == ["Bryan Ferry", "Mackay"]


@pytest.mark.issue(12)
def test_issue_12_companies_the_sentence_names_are_not_people():
    found = entities(
        "Def Jam's parent company, Universal, made the appointment. Santa Monica-based Activison is said to be one "
        "firm on its takeover list. Bookmaker Ladbrokes said it would continue to accept bets. "
        '"This is highly unlikely," William Hill spokesman Rupert Adams said.'
    )
    assert found.get("Universal") == "Organization" and found.get("Def Jam") == "Organization"
    assert found.get("Activison") == "Organization" and found.get("William Hill") == "Organization"
    assert found.get("Ladbrokes") == "Organization" and "Bookmaker Ladbrokes" not in found
    assert found.get("Rupert Adams") == "Person"


@pytest.mark.issue(12)
def test_issue_12_artists_in_a_list_are_people_and_family_in_apposition_too():
    found = entities("Def Jam's artists include LL Cool J, DMX, Ludacris, Ja Rule and Ashanti. "
                     "Clarke spoke to Dunlop's father, Graeme, on Sunday night.")
    assert {found.get(n) for n in ("LL Cool J", "DMX", "Ashanti", "Ludacris")} == {"Person"}
    assert found.get("Graeme") == "Person"


@pytest.mark.issue(12)
def test_issue_12_works_in_lists_and_after_a_role_are_not_entities():
    found = entities("The days of arcade classics such as Space Invaders, Pac-Man and Donkey Kong are long gone. "
                     "Sega said so.")
    assert not {"Space Invaders", "Pac-Man", "Donkey Kong"} & set(found)
    found = entities('Podcasting could be "the Next Big Thing", said Adam Curry.')
    assert "Next Big Thing" not in found and found.get("Adam Curry") == "Person"


@pytest.mark.issue(12)
def test_issue_12_fragments_of_longer_names_are_completed_or_dropped():
    found = entities("Mr Adams did not believe anyone from Channel 4 had tried. The BBC's Go Digital programme "
                     "reported it. He toured with R Kelly. Labour MPs cheered. Podcasting takes its name from the "
                     "Apple iPod. Bono, The Edge, Adam Clayton and Larry Mullen Jr sang.")
    assert found.get("Channel 4") == "Organization" and "Channel" not in found
    assert "Digital" not in found and "Go Digital" not in found
    assert found.get("R Kelly") == "Person" and "Kelly" not in found
    assert found.get("Labour Party") == "Organization" and "Labour MPs" not in found
    assert found.get("Apple") == "Organization" and "Apple iPod" not in found
    assert "The Edge" in found and "Edge" not in found
    assert found.get("Larry Mullen Jr") == "Person"


@pytest.mark.issue(12)
def test_issue_12_first_name_completed_from_the_parse():
    found = entities("Poppy's co-star, veteran Irish actor Brendan Gleeson, was also nominated but lost out to "
                     "Colman Domingo.")
    assert found.get("Colman Domingo") == "Person" and "Domingo" not in found
    assert found.get("Brendan Gleeson") == "Person"  # not a place though the parse puts him after "in"


@pytest.mark.issue(12)
def test_issue_12_nationality_adjectives_that_describe_are_not_groups():
    found = entities("Indonesian, Indian and Hong Kong stock markets reached record highs. Varga has appointed "
                     "Ingrid Solberg, a Norwegian executive. The Supreme Court, known in Dutch as the Hoge Raad, "
                     "ruled on Monday. British officials said the talks would go on.")
    assert not {"Indonesian", "Indian", "Norwegian", "Dutch"} & set(found)
    assert found.get("British") == "Group"  # a people acting


@pytest.mark.issue(12)
def test_issue_12_seats_offices_and_honorifics_inside_names():
    found = entities(
        "Galway East TD Ciarán Moloney has resigned from the party. Mr Moloney told reporters that he had not spoken "
        "to the Taoiseach. Private sector surveys are useful, according to Bank of England deputy governor Rachel "
        'Lomax. "Recent work by the Bank has shown that surveys add value," Ms Lomax said in a speech to the North '
        "Wales Business Club. His friend, Saxon Spence, leader of Devon county Labour group, lays the blame elsewhere. "
        '"It reminded us why we joined," said Mrs Spence. The approach by the owner of the Tampa Bay Buccaneers '
        "American football team is being led by his sons."
    )
    assert found.get("Ciarán Moloney") == "Person" and not {"Moloney", "Galway East TD", "Taoiseach"} & set(found)
    assert found.get("Rachel Lomax") == "Person" and not {"Lomax", "Ms Lomax"} & set(found)
    assert found.get("Saxon Spence") == "Person" and "Spence" not in found
    assert found.get("Labour Party") == "Organization" and "Devon county Labour" not in found
    assert "Tampa Bay Buccaneers" in found and "Tampa Bay Buccaneers American" not in found


@pytest.mark.issue(12)
def test_issue_12_works_named_by_what_is_said_of_them():
    found = entities(
        "John Nettles will return in a one-off edition of Midsomer Murders. Jerry Lee Lewis closed the night with a "
        "rendition of Whole Lotta Shakin' Goin' On. The channel shows the first Harry Potter film on Christmas Day. "
        "The fourth book in the running is Corpus, by Michael Symmons Roberts. Mr Moloney said he would sit as an "
        "Independent. Andrea Levy is now favourite for the £25,000 Whitbread."
    )
    assert not {"Midsomer Murders", "Whole Lotta Shakin' Goin' On", "Harry Potter", "Corpus", "Independent",
                "Whitbread"} & set(found)
    assert found.get("John Nettles") == "Person" and found.get("Andrea Levy") == "Person"


@pytest.mark.issue(12)
def test_issue_12_people_beside_work_words_stay_people():
    found = entities(
        "The current series of Celebrity Big Brother ends on Sunday, with Happy Mondays star Bez, actress Brigitte "
        "Nielsen and Blazin' Squad rapper Kenzie competing for a charity prize. Poppy's co-star in Salt and Silver, "
        "veteran Irish actor Brendan Gleeson, was also nominated."
    )
    assert found.get("Bez") == "Person" and found.get("Brigitte Nielsen") == "Person"
    assert found.get("Brendan Gleeson") == "Person"


@pytest.mark.issue(12)
def test_issue_12_results_lines_and_datelines_hold_names_apart():
    doc = KnowledgeGraph.extract_text("Pohang 3 Ulsan 2\nHaitai 2 Samsung 1\n")
    names = {e.name for e in doc.entities if e.mentions}
    assert {"Pohang", "Ulsan", "Samsung"} <= names, names  # the score between two names parts them
    assert not {n for n in names if any(ch.isdigit() for ch in n)}, names
    from spacy.tokens import Span

    from newsgraph.extract.mentions import clean_span, split_span
    from newsgraph.extract.pipeline import load_pipeline

    parsed = load_pipeline()("64 Bob Estes and American Dennis Mitchell ran.")
    assert [s.text for s in split_span(Span(parsed, 0, 3, label="PERSON"))] == ["Bob Estes"]
    cleaned = clean_span(Span(parsed, 4, 7, label="PERSON"))
    assert cleaned is not None and cleaned.text == "Dennis Mitchell"


@pytest.mark.issue(12)
def test_issue_12_a_place_the_model_once_calls_a_person_stays_one_place():
    found = entities(
        "The plans for a new emergency department at the hospital in Ballinasloe were shelved. \"Nobody has abandoned "
        "Ballinasloe,\" Ms Collins said. In Ballinasloe, the council met. And he said a referendum would be held in "
        "Wales. If Wales decided to keep its assembly it would lose MPs."
    )
    # Wales is a country of the gazetteer (LABELLING.md's Country, as the gold labels it): one node whatever
    # the model called each mention
    assert found.get("Ballinasloe") == "Location" and found.get("Wales") == "Country"
    doc = KnowledgeGraph.extract_text("He said a referendum would be held in Wales. If Wales decided to keep its assembly it "
                                      "would lose MPs.")
    assert [e.type for e in doc.entities if e.name == "Wales" and e.mentions] == ["Country"]


@pytest.mark.issue(12)
def test_issue_12_cricket_counties_in_a_sports_report_are_clubs():
    # CoNLL-2003 dev: the small model calls "Surrey" and "Kent" people in cricket reports.
    text = ("Surrey beat Kent by six wickets in the county championship match at The Oval. "
            "The Surrey captain praised his bowlers after Kent were all out for 210 in their second innings. "
            "Kent coach John Wright said the team would recover.")
    found = entities(text)
    assert found.get("Surrey") == "Organization" and found.get("Kent") == "Organization"
    assert entities("Heavy rain flooded roads across Kent and Surrey on Monday, the council said.").get("Kent") != "Organization"
