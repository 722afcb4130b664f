"""newsgraph: English news articles in, an evidenced entity-and-relationship graph out."""

from newsgraph.errors import NewsgraphError
from newsgraph.kg import IngestSummary, KnowledgeGraph

__all__ = ["KnowledgeGraph", "IngestSummary", "NewsgraphError"]
__version__ = "0.1.0"
