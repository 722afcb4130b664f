"""``newsgraph serve``: a local explorer of the graph in the browser.

A FastAPI app (``app.create_app``) serves a JSON API over the facade
``newsgraph.kg.KnowledgeGraph`` (no SQL here) and the front end as static files shipped
in ``newsgraph/static/`` (``serve.html``, ``serve.js``, ``serve.css`` and the vendored
vis-network: no CDN, no build step). ``views`` turns facade results into the JSON the
page draws. Read-only; bound to localhost unless told otherwise.
"""

from newsgraph.serve.app import create_app

__all__ = ["create_app"]
