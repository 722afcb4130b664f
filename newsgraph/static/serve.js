// newsgraph explorer: one page, views chosen by the URL's hash:
//   #/                       overview
//   #/entity/<id>?<filters>  an entity's card and ego network (expand, filter, evidence)
//   #/article/<id>           an article with its entities highlighted and its relations
//   #/path?from=..&to=..     shortest chains between two entities
//   #/cypher                 read-only Cypher console
// Every value from the server is untrusted text (entity names come from the web): it is
// put into the DOM with textContent / createTextNode only, never as HTML.
(function () {
  "use strict";
  var root = document.documentElement;
  var COOCCURRENCE = "CO_OCCURS_WITH";
  var META = null;

  // -- small helpers ------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null) return;
      if (k === "text") node.textContent = v;
      else if (k === "onclick") node.addEventListener("click", v);
      else node.setAttribute(k, v);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function plural(n, word, many) { return n + " " + (n === 1 ? word : (many || word + "s")); }
  function colourOf(type) { return (META && META.type_colours[type]) || "#999999"; }
  function shade(hex, factor) {
    var n = parseInt(hex.slice(1), 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
    function f(c) { return Math.max(0, Math.min(255, Math.round(factor < 1 ? c * factor : c + (255 - c) * (factor - 1)))); }
    return "#" + ((1 << 24) + (f(r) << 16) + (f(g) << 8) + f(b)).toString(16).slice(1);
  }
  function swatch(type) {
    var s = el("span", { "class": "swatch", title: type });
    s.style.background = colourOf(type);
    return s;
  }
  function entityHref(id) { return "#/entity/" + encodeURIComponent(id); }
  function articleHref(id) { return "#/article/" + encodeURIComponent(id); }
  function entityLink(e) {
    return el("a", { "class": "chip", href: entityHref(e.id), "data-entity": e.id }, [swatch(e.type), e.name]);
  }
  function dl(rows) {
    var list = el("dl", { "class": "facts" });
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      list.appendChild(el("dt", { text: r[0] }));
      list.appendChild(el("dd", {}, [typeof r[1] === "object" ? r[1] : String(r[1])]));
    });
    return list;
  }
  function setState(state) { root.setAttribute("data-state", state); }

  function api(path, params, body) {
    var url = path;
    if (params) {
      var q = new URLSearchParams();
      Object.keys(params).forEach(function (k) {
        var v = params[k];
        if (v === undefined || v === null || v === "") return;
        if (Array.isArray(v)) v.forEach(function (x) { q.append(k, x); }); else q.append(k, String(v));
      });
      var s = q.toString();
      if (s) url += "?" + s;
    }
    var headers = { "Content-Type": "application/json" };
    if (META && META.csrf_token) headers["X-Newsgraph-CSRF"] = META.csrf_token;  // edits only (--allow-edits)
    var init = body === undefined ? {} : { method: "POST", headers: headers, body: JSON.stringify(body) };
    return fetch(url, init).then(function (resp) {
      var type = resp.headers.get("Content-Type") || "";
      if (!resp.ok) {
        return resp.json().catch(function () { return {}; }).then(function (data) {
          var err = new Error((data.error && data.error.message) || ("HTTP " + resp.status));
          err.status = resp.status;
          err.code = data.error && data.error.code;
          throw err;
        });
      }
      return type.indexOf("application/json") === 0 ? resp.json() : resp.blob();
    });
  }
  // A failed request is shown on the page; it is not a page error (data-errors stays for bugs).
  function showError(node, err) {
    node.hidden = false;
    node.textContent = err.message || String(err);
  }

  // -- routing --------------------------------------------------------------------------
  function parseHash() {
    var h = location.hash.replace(/^#\/?/, "");
    var qi = h.indexOf("?");
    var path = qi >= 0 ? h.slice(0, qi) : h, query = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : "");
    var parts = path.split("/");
    return { view: parts[0] || "home", arg: parts.length > 1 ? decodeURIComponent(parts.slice(1).join("/")) : "", query: query };
  }
  function show(view) {
    ["home", "entity", "article", "path", "cypher"].forEach(function (v) { $("view-" + v).hidden = v !== view; });
    document.querySelectorAll("header nav a[data-nav]").forEach(function (a) {
      a.classList.toggle("active", a.getAttribute("data-nav") === view);
    });
    root.setAttribute("data-view", view);
  }
  function route() {
    var r = parseHash();
    hideHits();
    if (r.view === "entity" && r.arg) { show("entity"); openEntity(r.arg, r.query); }
    else if (r.view === "article" && r.arg) { show("article"); openArticle(r.arg); }
    else if (r.view === "path") { show("path"); openPath(r.query); }
    else if (r.view === "cypher") { show("cypher"); setState("ready"); }
    else { show("home"); setState("ready"); }
  }

  // -- search box -------------------------------------------------------------------------
  var searchSeq = 0, hitIndex = -1, hits = [];
  function hideHits() { $("hits").hidden = true; hitIndex = -1; }
  function renderHits(list, query) {
    var ul = clear($("hits"));
    hits = list;
    hitIndex = list.length ? 0 : -1;
    if (!list.length) {
      ul.appendChild(el("li", { "class": "empty", text: "No entity matches " + JSON.stringify(query) }));
    }
    list.forEach(function (h, i) {
      var li = el("li", { role: "option", "data-id": h.id, "aria-selected": i === 0 ? "true" : "false" }, [
        swatch(h.type), el("span", { "class": "name", text: h.name }),
        el("span", { "class": "meta", text: h.type + " · " + plural(h.mentions, "mention") +
          (h.matched && h.matched !== h.name ? " · as " + h.matched : "") })
      ]);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h); });
      ul.appendChild(li);
    });
    ul.hidden = false;
    root.setAttribute("data-hits", String(list.length));
  }
  function moveHit(delta) {
    if (!hits.length) return;
    hitIndex = (hitIndex + delta + hits.length) % hits.length;
    $("hits").querySelectorAll("li").forEach(function (li, i) { li.setAttribute("aria-selected", i === hitIndex ? "true" : "false"); });
  }
  function pick(h) {
    hideHits();
    $("q").value = h.name;
    location.hash = entityHref(h.id);
  }
  function runSearch() {
    var q = $("q").value;
    var seq = ++searchSeq;
    if (!q.trim()) { hideHits(); return; }
    api("/api/search", { q: q, type: $("qtype").value, limit: 15 }).then(function (data) {
      if (seq === searchSeq) renderHits(data.hits, q);  // answers to older keystrokes are dropped
    }, function (err) { if (seq === searchSeq) renderHits([], q + " (" + err.message + ")"); });
  }
  var searchTimer = null;
  $("q").addEventListener("input", function () { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 80); });
  $("qtype").addEventListener("change", runSearch);
  $("q").addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); moveHit(1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); moveHit(-1); }
    else if (ev.key === "Escape") hideHits();
  });
  $("q").addEventListener("blur", function () { setTimeout(hideHits, 150); });
  $("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (hitIndex >= 0 && hits[hitIndex] && !$("hits").hidden) pick(hits[hitIndex]);
    else runSearch();
  });

  // -- entity view: filters -----------------------------------------------------------------
  function defaults() {
    return { depth: 1, min_confidence: META.defaults.min_confidence, min_weight: 0, max_nodes: META.defaults.max_nodes,
             cooccurrence: false, since: "", until: "", source: "", etype: [], relation: [] };
  }
  function filtersFromQuery(query) {
    var f = defaults();
    if (query.has("min_confidence")) f.min_confidence = parseFloat(query.get("min_confidence"));
    if (query.has("depth")) f.depth = Math.max(1, Math.min(3, parseInt(query.get("depth"), 10) || 1));
    if (query.has("min_weight")) f.min_weight = parseInt(query.get("min_weight"), 10) || 0;
    if (query.has("max_nodes")) f.max_nodes = parseInt(query.get("max_nodes"), 10) || META.defaults.max_nodes;
    f.cooccurrence = query.get("cooccurrence") === "true";
    ["since", "until", "source"].forEach(function (k) { f[k] = query.get(k) || ""; });
    f.etype = query.getAll("etype");
    f.relation = query.getAll("relation");
    return f;
  }
  function filtersToQuery(f) {
    var q = new URLSearchParams(), d = defaults();
    ["depth", "min_confidence", "min_weight", "max_nodes", "since", "until", "source"].forEach(function (k) {
      if (String(f[k]) !== String(d[k])) q.append(k, String(f[k]));
    });
    if (f.cooccurrence) q.append("cooccurrence", "true");
    f.etype.forEach(function (t) { q.append("etype", t); });
    f.relation.forEach(function (t) { q.append("relation", t); });
    return q.toString();
  }
  function filtersToForm(f) {
    $("f-minconf").value = f.min_confidence;
    $("minconf-out").textContent = Number(f.min_confidence).toFixed(2);
    $("f-minweight").value = f.min_weight;
    $("f-depth").value = f.depth;
    $("f-maxnodes").value = f.max_nodes;
    $("f-cooc").checked = f.cooccurrence;
    $("f-since").value = f.since; $("f-until").value = f.until; $("f-source").value = f.source;
    $("f-etypes").querySelectorAll("input").forEach(function (i) { i.checked = f.etype.indexOf(i.value) >= 0; });
    $("f-rtypes").querySelectorAll("input").forEach(function (i) { i.checked = f.relation.indexOf(i.value) >= 0; });
  }
  function filtersFromForm() {
    function checked(id) {
      return Array.prototype.filter.call($(id).querySelectorAll("input"), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
    }
    return {
      depth: Math.max(1, Math.min(3, parseInt($("f-depth").value, 10) || 1)),
      min_confidence: parseFloat($("f-minconf").value), min_weight: parseInt($("f-minweight").value, 10) || 0,
      max_nodes: parseInt($("f-maxnodes").value, 10) || META.defaults.max_nodes, cooccurrence: $("f-cooc").checked,
      since: $("f-since").value.trim(), until: $("f-until").value.trim(), source: $("f-source").value.trim(),
      etype: checked("f-etypes"), relation: checked("f-rtypes")
    };
  }
  function buildFilterForm() {
    META.entity_types.forEach(function (t) {
      $("f-etypes").appendChild(el("label", {}, [el("input", { type: "checkbox", value: t }), swatch(t), t]));
    });
    Object.keys(META.relation_types).forEach(function (t) {
      if (t === COOCCURRENCE) return;  // the co-occurrence checkbox says it
      $("f-rtypes").appendChild(el("label", {}, [el("input", { type: "checkbox", value: t }),
        el("span", { text: t }), el("span", { "class": "note", text: String(META.relation_types[t]) })]));
    });
    META.sources.forEach(function (s) { $("source-list").appendChild(el("option", { value: s.source })); });
    var applyTimer = null;
    function apply() {
      clearTimeout(applyTimer);
      applyTimer = setTimeout(function () {
        if (!current) return;
        var q = filtersToQuery(filtersFromForm());
        location.hash = entityHref(current.centre) + (q ? "?" + q : "");
      }, 150);
    }
    $("filter-form").addEventListener("change", apply);
    $("f-minconf").addEventListener("input", function () { $("minconf-out").textContent = Number($("f-minconf").value).toFixed(2); });
    $("filter-form").addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
    $("f-reset").addEventListener("click", function () { filtersToForm(defaults()); apply(); });
  }

  // -- entity view: the drawing ----------------------------------------------------------------
  // current = { centre, filters, expanded: [ids], nodes: {id: node}, edges: {id: edge}, network, ds }
  var current = null;
  function egoParams(ref, f) {
    return { ref: ref, depth: f.depth, min_confidence: f.min_confidence, min_weight: f.min_weight, max_nodes: f.max_nodes,
             cooccurrence: f.cooccurrence ? "true" : "false", since: f.since, until: f.until, source: f.source,
             etype: f.etype, relation: f.relation };
  }
  function visNode(n, isCentre) {
    var c = colourOf(n.type);
    return {
      id: n.id, label: n.name, value: Math.max(1, n.mentions),
      title: n.name + "\n" + n.type + " · " + plural(n.mentions, "mention") + " in " + plural(n.documents, "document") +
             "\nclick to expand",
      color: { background: c, border: isCentre ? "#222222" : shade(c, 0.7),
               highlight: { background: shade(c, 1.25), border: "#222222" }, hover: { background: shade(c, 1.15), border: "#222222" } },
      borderWidth: isCentre ? 4 : 1.5,
      font: isCentre ? { size: 20, color: "#111", strokeWidth: 4, strokeColor: "#ffffff", bold: true }
                     : { size: 15, color: "#222", strokeWidth: 3, strokeColor: "#ffffff" }
    };
  }
  function visEdge(e, k, group) {
    var offset = k - (group - 1) / 2;
    if (e.from > e.to) offset = -offset;
    var smooth = offset === 0 ? { enabled: false }
      : { enabled: true, type: offset > 0 ? "curvedCW" : "curvedCCW", roundness: Math.min(0.9, Math.abs(offset) * 0.55) };
    var co = e.type === COOCCURRENCE;
    var a = current.nodes[e.from], b = current.nodes[e.to];
    return {
      id: e.id, from: e.from, to: e.to,
      label: co ? undefined : e.type + (e.weight > 1 ? " ×" + e.weight : ""),
      width: Math.min(8, 1.2 + 1.6 * Math.log2(Math.max(1, e.weight))),
      title: (a ? a.name : e.from) + (co ? " — co-occurs with — " : " → " + e.type + " → ") + (b ? b.name : e.to) +
             "\nweight " + e.weight + " · confidence " + e.confidence + " · click for evidence",
      arrows: e.directed ? { to: { enabled: true, scaleFactor: 0.6 } } : { to: { enabled: false } },
      dashes: co,
      color: co ? { color: "#bbbbbb", highlight: "#777777", hover: "#999999" } : { color: "#7a7a7a", highlight: "#1a5fb4", hover: "#444444" },
      font: { size: 12, color: "#333333", strokeWidth: 0, background: "rgba(255,255,255,0.85)", align: "horizontal" },
      smooth: smooth
    };
  }
  function redrawEdges() {
    // Parallel edges between the same pair fan out as curves; recomputed when a pair grows.
    var pairs = {};
    Object.keys(current.edges).forEach(function (id) {
      var e = current.edges[id];
      var key = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
      (pairs[key] = pairs[key] || []).push(e);
    });
    var out = [];
    Object.keys(pairs).forEach(function (key) {
      pairs[key].forEach(function (e, k) { out.push(visEdge(e, k, pairs[key].length)); });
    });
    current.ds.edges.update(out);
  }
  function merge(data, origin) {
    var added = 0;
    var pos = origin && current.network ? current.network.getPositions([origin])[origin] : null;
    var newNodes = [];
    data.nodes.forEach(function (n) {
      if (current.nodes[n.id]) return;
      current.nodes[n.id] = n;
      var v = visNode(n, n.id === current.centre);
      if (pos) { v.x = pos.x + (Math.random() - 0.5) * 80; v.y = pos.y + (Math.random() - 0.5) * 80; }
      newNodes.push(v);
      added++;
    });
    current.ds.nodes.add(newNodes);
    data.edges.forEach(function (e) { current.edges[e.id] = e; });
    redrawEdges();
    return added;
  }
  function updateCounts() {
    var n = current.ds.nodes.length, m = current.ds.edges.length;
    root.setAttribute("data-node-count", String(n));
    root.setAttribute("data-edge-count", String(m));
    var status = clear($("graph-status"));
    status.appendChild(document.createTextNode(plural(n, "entity", "entities") + " · " + plural(m, "relation") +
      (current.expanded.length > 1 ? " · " + (current.expanded.length - 1) + " expanded" : "") +
      (current.truncated ? " · some neighbourhoods were cut at " + current.filters.max_nodes + " entities (raise Max entities)" : "")));
  }
  function ringLayout(nodes, centre) {
    // The first frame's positions: the centre in the middle, each hop on its own ring,
    // grouped by type and ordered by mentions. Drawn at once (the first view appears while
    // the force layout is still to run), then the layout starts from here.
    var rings = {};
    nodes.forEach(function (n) { if (n.id !== centre) (rings[n.hop || 1] = rings[n.hop || 1] || []).push(n); });
    var out = [];
    Object.keys(rings).forEach(function (hop) {
      var ring = rings[hop].sort(function (a, b) {
        return a.type < b.type ? -1 : a.type > b.type ? 1 : b.mentions - a.mentions;
      });
      var radius = Math.max(220 * Number(hop), ring.length * 60 / (2 * Math.PI));
      ring.forEach(function (n, i) {
        var a = 2 * Math.PI * i / ring.length;
        out.push({ id: n.id, x: radius * Math.cos(a), y: radius * Math.sin(a) });
      });
    });
    return out;
  }
  function firstFrame(started) {
    // Draw what we have now, before the layout: the first view appears within the API's
    // time plus one frame. data-first-drawn-ms says when (read by benchmarks/serve_draw.py).
    current.network.setOptions({ physics: false });
    current.network.fit({ animation: false });
    current.network.redraw();
    var now = performance.now();
    root.setAttribute("data-first-drawn-ms", String(Math.round(now - started)));  // since the entity was asked for
    root.setAttribute("data-first-drawn-at", String(Math.round(now)));  // since the page's navigation began
    updateCounts();
  }
  function whenDrawn() {
    setState("loading");
    var done = false;
    function ready() {
      if (done) return;
      done = true;
      current.network.setOptions({ physics: false });
      current.ds.nodes.update({ id: current.centre, fixed: { x: false, y: false } });
      current.network.fit({ animation: false });
      updateCounts();
      setState("ready");
    }
    // After the first frame is on screen (the next task), the force layout; the canvas
    // keeps that frame while it runs and then shows the settled drawing.
    setTimeout(function () {
      if (done) return;
      current.network.setOptions({ physics: { enabled: true } });
      current.network.once("stabilized", ready);
      current.network.stabilize(current.ds.nodes.length > 300 ? 150 : 400);
    }, 0);
    setTimeout(ready, 4000);  // a layout that never settles still ends
  }
  function newNetwork() {
    var container = clear($("graph"));
    current.ds = { nodes: new vis.DataSet([]), edges: new vis.DataSet([]) };
    current.network = new vis.Network(container, current.ds, {
      nodes: { shape: "dot", scaling: { min: 10, max: 42, label: { enabled: false } }, font: { face: "system-ui, sans-serif" } },
      edges: { selectionWidth: 2, hoverWidth: 1.5 },
      physics: {
        solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: -140, centralGravity: 0.012, springLength: 190, springConstant: 0.05, avoidOverlap: 0.8 },
        stabilization: { enabled: false }
      },
      interaction: { hover: true, tooltipDelay: 150, multiselect: false },
      layout: { improvedLayout: false, randomSeed: 5 }
    });
    current.network.on("click", function (params) {
      if (params.nodes.length) clickNode(params.nodes[0]);
      else if (params.edges.length) showEdge(params.edges[0]);
    });
  }
  function openEntity(ref, query) {
    var f = filtersFromQuery(query);
    filtersToForm(f);
    setState("loading");
    var started = performance.now();
    root.removeAttribute("data-first-drawn-ms");
    root.removeAttribute("data-first-drawn-at");
    var seq = (openEntity.seq = (openEntity.seq || 0) + 1);
    var keepExpanded = current && current.centre === ref ? current.expanded.slice(1) : [];
    var card = api("/api/entity", { ref: ref });
    var ego = api("/api/ego", egoParams(ref, f));
    Promise.all([card, ego]).then(function (res) {
      if (seq !== openEntity.seq) return;
      var data = res[1];
      current = { centre: data.center.id, filters: f, expanded: [data.center.id], nodes: {}, edges: {},
                  truncated: data.truncated };
      newNetwork();
      showCard(res[0]);
      clear($("details")).appendChild(el("p", { "class": "note", text: "Click a node to expand it and see its card, an edge to read its evidence." }));
      merge(data, null);
      current.ds.nodes.update(ringLayout(data.nodes, current.centre));
      current.ds.nodes.update({ id: current.centre, x: 0, y: 0, fixed: { x: true, y: true } });
      document.title = data.center.name + " — newsgraph";
      if (!keepExpanded.length) firstFrame(started);
      // Filters changed: the neighbourhoods expanded before are fetched again under them.
      return keepExpanded.reduce(function (p, id) {
        return p.then(function () { return current.nodes[id] ? expand(id, true) : null; });
      }, Promise.resolve()).then(whenDrawn);
    }).catch(function (err) {
      if (seq !== openEntity.seq) return;
      current = null;
      clear($("graph"));
      clear($("card")).appendChild(el("p", { "class": "error", text: err.message }));
      clear($("graph-status"));
      root.setAttribute("data-node-count", "0");
      root.setAttribute("data-edge-count", "0");
      setState("ready");
    });
  }
  function expand(id, quiet) {
    if (current.expanded.indexOf(id) >= 0) return Promise.resolve(0);
    current.expanded.push(id);
    var params = egoParams(id, current.filters);
    params.depth = 1;  // expanding is one more ring around that entity, whatever the view's depth
    return api("/api/ego", params).then(function (data) {
      if (data.truncated) current.truncated = true;
      var added = merge(data, id);
      if (!quiet) whenDrawn();
      return added;
    });
  }
  function clickNode(id) {
    showNodeDetails(id);
    if (current.expanded.indexOf(id) < 0) {
      setState("loading");
      expand(id, false).catch(function (err) { clear($("details")).appendChild(el("p", { "class": "error", text: err.message })); setState("ready"); });
    }
  }
  function showCard(c) {
    var box = clear($("card"));
    box.setAttribute("data-entity", c.id);
    box.appendChild(el("h3", {}, [swatch(c.type), el("span", { "class": "name", text: c.name })]));
    box.appendChild(dl([
      ["type", c.type], ["id", c.id], ["aliases", c.aliases.join(", ")], ["mentions", c.mentions],
      ["documents", c.documents], ["first seen", c.first_seen], ["last seen", c.last_seen]
    ]));
  }
  function showNodeDetails(id) {
    var n = current.nodes[id];
    if (!n) return;
    var box = clear($("details"));
    box.setAttribute("data-node", id);
    box.removeAttribute("data-edge");
    box.appendChild(el("h3", {}, [swatch(n.type), el("span", { text: n.name })]));
    box.appendChild(dl([["type", n.type], ["id", n.id], ["aliases", n.aliases.join(", ")], ["mentions", n.mentions],
                        ["seen", n.first_seen && (n.first_seen + " – " + n.last_seen)]]));
    box.appendChild(el("p", {}, [el("a", { href: entityHref(id), text: "Open as the centre" })]));
    if (META.allow_edits && id !== current.centre) {
      var centre = current.nodes[current.centre];
      box.appendChild(editButtons([["Merge into " + centre.name, "/api/edit/merge", { entities: [id, current.centre] }]]));
    }
    var mine = Object.keys(current.edges).map(function (k) { return current.edges[k]; })
      .filter(function (e) { return e.from === id || e.to === id; });
    box.appendChild(el("p", { "class": "note", text: plural(mine.length, "relation") + " in this drawing:" }));
    var links = el("ul", { "class": "links" });
    mine.forEach(function (e) {
      var other = current.nodes[e.from === id ? e.to : e.from];
      var arrow = e.type === COOCCURRENCE ? " — " : (e.from === id ? " → " : " ← ");
      links.appendChild(el("li", {}, [el("a", { text: e.type + arrow + (other ? other.name : "?") + (e.weight > 1 ? " ×" + e.weight : ""),
        onclick: function () { current.network.selectEdges([e.id]); showEdge(e.id); } })]));
    });
    box.appendChild(links);
  }
  function evidenceList(items) {
    var list = el("ol", { "class": "evidence" });
    items.forEach(function (v) {
      var line = el("div", { "class": "doc" }, [
        el("a", { href: articleHref(v.document), "data-document": v.document, text: v.title || ("document " + v.document) }),
        (v.date ? " · " + v.date : "") + (v.source ? " · " + v.source : "") + " · id " + v.document
      ]);
      // Only web addresses become links: a javascript: URL from an article must not run.
      if (/^https?:\/\//i.test(v.url || "")) {
        line.appendChild(document.createTextNode(" · "));
        line.appendChild(el("a", { href: v.url, target: "_blank", rel: "noopener noreferrer", text: "original" }));
      }
      list.appendChild(el("li", {}, [el("blockquote", { text: v.sentence }), line]));
    });
    return list;
  }
  function showEdge(id) {
    var e = current.edges[id];
    if (!e) return;
    var box = clear($("details"));
    box.setAttribute("data-edge", id);
    box.removeAttribute("data-node");
    box.setAttribute("data-evidence", "loading");
    var a = current.nodes[e.from], b = current.nodes[e.to], co = e.type === COOCCURRENCE;
    box.appendChild(el("h3", {}, [el("span", { text: a ? a.name : e.from }), el("span", { "class": "rel", text: e.type }),
      el("span", { text: (co ? "" : "→ ") + (b ? b.name : e.to) })]));
    api("/api/relation", { head: e.from, type: e.type, tail: e.to, limit: 50 }).then(function (r) {
      if (box.getAttribute("data-edge") !== id) return;
      box.appendChild(dl([["weight", r.weight], ["confidence", r.confidence], ["confirmed", r.confirmed ? "yes, by an analyst" : null],
        ["method", r.method], ["predicate", r.predicate],
        ["title", r.title], ["seen", r.first_seen && (r.first_seen + " – " + r.last_seen)],
        ["evidence", plural(r.evidence_count, "sentence") + (r.evidence.length < r.evidence_count ? " (first " + r.evidence.length + " shown)" : "")]]));
      box.appendChild(evidenceList(r.evidence));
      if (META.allow_edits) {
        box.appendChild(editButtons([
          ["Confirm", "/api/edit/confirm", { relation_id: r.id }],
          ["Reject", "/api/edit/reject", { relation_id: r.id }]
        ]));
      }
      box.setAttribute("data-evidence", String(r.evidence.length));
    }, function (err) {
      box.appendChild(el("p", { "class": "error", text: err.message }));
      box.setAttribute("data-evidence", "error");
    });
  }

  // -- edits (only with --allow-edits): the CLI's corrections, logged ---------------------
  function editButtons(actions) {
    var row = el("div", { "class": "buttons edits" }), note = el("p", { "class": "note" });
    actions.forEach(function (a) {
      row.appendChild(el("button", { type: "button", "data-edit": a[1], text: a[0], onclick: function () {
        if (!window.confirm(a[0] + "? It is logged and can be undone with 'newsgraph corrections undo'.")) return;
        api(a[1], null, a[2]).then(function (r) {
          note.textContent = "Done: " + r.correction.op + " (correction " + r.correction.seq + ").";
          root.setAttribute("data-edited", r.correction.op);
          var centre = current.centre;
          current = null;  // redraw from the store
          openEntity(centre, parseHash().query);
        }, function (err) { note.textContent = err.message; note.className = "error"; });
      } }));
    });
    return el("div", {}, [row, note]);
  }

  // -- export ------------------------------------------------------------------------------
  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  document.querySelectorAll("button[data-export]").forEach(function (button) {
    button.addEventListener("click", function () {
      if (!current) return;
      var fmt = button.getAttribute("data-export");
      if (fmt === "png") {
        var canvas = $("graph").querySelector("canvas");
        canvas.toBlob(function (blob) { download(blob, "newsgraph-view.png"); root.setAttribute("data-exported", "png"); });
        return;
      }
      var f = current.filters;
      api("/api/export", null, {
        format: fmt, entity_ids: Object.keys(current.nodes), relation: f.relation, cooccurrence: f.cooccurrence,
        min_weight: f.min_weight, min_confidence: f.min_confidence, since: f.since || null, until: f.until || null,
        source: f.source || null
      }).then(function (blob) { download(blob, "newsgraph-view." + fmt); root.setAttribute("data-exported", fmt); },
              function (err) { window.alert(err.message); });
    });
  });

  // -- article view -----------------------------------------------------------------------
  function highlighted(text, offset, mentions, entities) {
    // displaCy's idea: the text with each mention marked in its type's colour. Mentions are
    // sorted by start; one starting inside the previous is skipped (no nesting).
    var frag = document.createDocumentFragment(), pos = 0, count = 0;
    mentions.forEach(function (m) {
      var s = m.start - offset, e = m.end - offset;
      if (s < pos || s < 0 || e > text.length || e <= s) return;
      var ent = entities[m.entity] || { type: "?", name: m.text, id: m.entity };
      if (s > pos) frag.appendChild(document.createTextNode(text.slice(pos, s)));
      var mark = el("mark", { "class": "ent", "data-type": ent.type, "data-entity": m.entity, title: ent.name + " · " + ent.type },
        [text.slice(s, e), el("span", { "class": "label", text: ent.type })]);
      mark.style.background = shade(colourOf(ent.type), 1.55);
      mark.style.boxShadow = "inset 0 -2px 0 " + colourOf(ent.type);
      mark.addEventListener("click", function () { location.hash = entityHref(m.entity); });
      frag.appendChild(mark);
      pos = e;
      count++;
    });
    if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
    return { fragment: frag, count: count };
  }
  function openArticle(id) {
    setState("loading");
    var art = clear($("article")), legend = clear($("article-legend")), rels = clear($("article-relations"));
    api("/api/document", { id: id }).then(function (d) {
      var entities = {};
      d.entities.forEach(function (e) { entities[e.id] = e; });
      document.title = (d.title || d.id) + " — newsgraph";
      art.setAttribute("data-document", d.id);
      art.appendChild(el("h1", { text: d.title || "(untitled document)" }));
      // the byline (issue 18): who wrote it, not someone the text names
      var byline = (d.authors || []).map(function (a) { return a.name; }).join(", ");
      // page metadata (issue 18): the publication, and a later modified day than the date
      var updated = (d.modified || "").slice(0, 10);
      var meta = [byline && "by " + byline, d.site_name, d.date, updated && updated !== d.date && "updated " + updated,
                  d.source, "id " + d.id].filter(Boolean).join(" · ");
      var metaLine = el("p", { "class": "note" }, [meta]);
      if (/^https?:\/\//i.test(d.url || "")) {
        metaLine.appendChild(document.createTextNode(" · "));
        metaLine.appendChild(el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer", text: "original" }));
      }
      art.appendChild(metaLine);
      var marks = 0;
      if (d.text !== null && d.text !== undefined) {
        var h = highlighted(d.text, 0, d.mentions, entities);
        marks = h.count;
        art.appendChild(el("div", { "class": "text" }, [h.fragment]));
        art.setAttribute("data-text", "full");
      } else {
        art.appendChild(el("p", { "class": "error", text: "This document was stored before newsgraph kept article texts: " +
          "its evidence sentences are shown instead. Ingest it into a new store to read it whole." }));
        var seen = {}, box = el("div", { "class": "text" });
        d.relations.forEach(function (r) {
          var key = r.start + ":" + r.end;
          if (seen[key]) return;
          seen[key] = true;
          var h = highlighted(r.sentence, r.start, d.mentions.filter(function (m) { return m.start >= r.start && m.end <= r.end; }), entities);
          marks += h.count;
          box.appendChild(el("p", {}, [h.fragment]));
        });
        art.appendChild(box);
        art.setAttribute("data-text", "sentences");
      }
      root.setAttribute("data-marks", String(marks));
      var counts = {};
      d.entities.forEach(function (e) { counts[e.type] = (counts[e.type] || 0) + 1; });
      d.entities.forEach(function (e) {
        legend.appendChild(el("li", {}, [entityLink(e), el("span", { "class": "count", text: String(e.mentions) })]));
      });
      var typed = d.relations.filter(function (r) { return r.type !== COOCCURRENCE; });
      var co = d.relations.length - typed.length;
      function relationItem(r) {
        return el("li", {}, [
          entityLink({ id: r.head, name: r.head_name, type: r.head_type }), " ",
          el("a", { "class": "rel", href: entityHref(r.head) + "?relation=" + encodeURIComponent(r.type), text: r.type }), " ",
          entityLink({ id: r.tail, name: r.tail_name, type: r.tail_type }),
          el("span", { "class": "note", text: " confidence " + r.confidence + " · " + r.method }),
          el("div", { "class": "sentence", text: r.sentence })
        ]);
      }
      // The explorer's floor holds here too: weaker relations are listed apart, folded and
      // marked, shown on request (as the card's "N more relations below confidence F").
      var floor = META.defaults.min_confidence;
      typed.filter(function (r) { return r.confidence >= floor; }).forEach(function (r) { rels.appendChild(relationItem(r)); });
      var weak = typed.filter(function (r) { return r.confidence < floor; });
      if (weak.length) {
        var weakList = el("ol", { "class": "relations below-floor" }, weak.map(relationItem));
        rels.appendChild(el("li", { "class": "note" }, [el("details", { "class": "below-floor" }, [
          el("summary", { text: plural(weak.length, "more relation") + " below confidence " + floor }), weakList])]));
      }
      if (co) rels.appendChild(el("li", { "class": "note", text: plural(co, "co-occurrence pair") + " not listed" }));
      setState("ready");
    }).catch(function (err) {
      art.appendChild(el("p", { "class": "error", text: err.message }));
      setState("ready");
    });
  }

  // -- paths ------------------------------------------------------------------------------
  function openPath(query) {
    $("p-minconf").value = query.has("min_confidence") ? query.get("min_confidence") : META.defaults.min_confidence;
    if (query.has("from")) $("p-from").value = query.get("from");
    if (query.has("to")) $("p-to").value = query.get("to");
    if (query.has("max_hops")) $("p-hops").value = query.get("max_hops");
    var out = clear($("path-results"));
    $("path-error").hidden = true;
    if (!query.get("from") || !query.get("to")) { setState("ready"); return; }
    setState("loading");
    api("/api/path", { source: query.get("from"), target: query.get("to"), max_hops: $("p-hops").value,
                       min_confidence: $("p-minconf").value }).then(function (r) {
      if (!r.paths.length) {
        out.appendChild(el("p", { "class": "note", text: "No chain within " + r.max_hops + " hops between " + r.source.name +
          " and " + r.target.name + " at this confidence." }));
      } else {
        out.appendChild(el("p", { "class": "note", text: plural(r.paths.length, "shortest chain") + " of " + plural(r.hops, "hop") }));
      }
      r.paths.forEach(function (p) {
        var box = el("div", { "class": "chain" });
        var head = el("div", {});
        p.entities.forEach(function (e, i) {
          if (i) head.appendChild(el("span", { "class": "rel", text: p.hops[i - 1].relation + (p.hops[i - 1].direction === "in" ? " ←" : " →") }));
          head.appendChild(entityLink(e));
        });
        box.appendChild(head);
        p.hops.forEach(function (h) {
          var hop = el("div", { "class": "hop" }, [el("strong", { text: h.from.name }), " ",
            el("span", { "class": "rel", text: h.relation }), " ", el("strong", { text: h.to.name }),
            el("span", { "class": "note", text: " weight " + h.weight + " · confidence " + h.confidence })]);
          if (h.evidence) hop.appendChild(evidenceList([h.evidence]));
          box.appendChild(hop);
        });
        out.appendChild(box);
      });
      root.setAttribute("data-paths", String(r.paths.length));
      setState("ready");
    }).catch(function (err) { showError($("path-error"), err); setState("ready"); });
  }
  $("path-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = new URLSearchParams({ from: $("p-from").value, to: $("p-to").value, max_hops: $("p-hops").value,
                                  min_confidence: $("p-minconf").value });
    location.hash = "#/path?" + q.toString();
  });

  // -- cypher console ----------------------------------------------------------------------
  function isNode(v) { return v && typeof v === "object" && !Array.isArray(v) && typeof v.id === "string" && typeof v.name === "string" && typeof v.type === "string"; }
  function isRel(v) { return v && typeof v === "object" && !Array.isArray(v) && typeof v.type === "string" && v.properties && typeof v.properties === "object"; }
  function cellText(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "string") return v;
    if (isNode(v)) return v.name + " (" + v.type + ")";
    if (isRel(v)) return "[" + v.type + "]";
    return JSON.stringify(v);
  }
  function cypherGraph(result) {
    // Nodes are the cells with an id, name and type; a relationship cell in a row with
    // exactly two nodes is drawn between them (the embedded engine returns its properties only).
    var nodes = {}, edges = [];
    result.rows.forEach(function (row) {
      var rowNodes = [], rels = [];
      result.columns.forEach(function (c) {
        var v = row[c];
        (Array.isArray(v) ? v : [v]).forEach(function (x) {
          if (isNode(x)) { nodes[x.id] = x; rowNodes.push(x); } else if (isRel(x)) rels.push(x);
        });
      });
      if (rowNodes.length === 2) rels.forEach(function (r) {
        edges.push({ from: rowNodes[0].id, to: rowNodes[1].id, label: r.type, arrows: "to" });
      });
    });
    var ids = Object.keys(nodes), box = $("cypher-graph");
    box.hidden = !ids.length;
    root.setAttribute("data-cypher-nodes", String(ids.length));
    if (!ids.length) return;
    var seen = {};
    edges = edges.filter(function (e) { var k = e.from + "|" + e.label + "|" + e.to; if (seen[k]) return false; seen[k] = true; return true; });
    var net = new vis.Network(clear(box), {
      nodes: new vis.DataSet(ids.map(function (id) { return visNodePlain(nodes[id]); })),
      edges: new vis.DataSet(edges.map(function (e, i) { return Object.assign({ id: "c" + i, font: { size: 11 }, color: { color: "#7a7a7a" } }, e); }))
    }, { nodes: { shape: "dot", size: 14 }, physics: { solver: "forceAtlas2Based", stabilization: { iterations: 300 } },
         layout: { randomSeed: 5, improvedLayout: ids.length <= 100 } });
    net.on("doubleClick", function (p) { if (p.nodes.length) location.hash = entityHref(p.nodes[0]); });
  }
  function visNodePlain(n) {
    var c = colourOf(n.type);
    return { id: n.id, label: n.name, title: n.name + "\n" + n.type + "\ndouble-click to open", color: { background: c, border: shade(c, 0.7) },
             font: { size: 14, strokeWidth: 3, strokeColor: "#ffffff" } };
  }
  function runCypher() {
    var err = $("cypher-error"), table = clear($("cypher-table"));
    err.hidden = true;
    $("cypher-summary").textContent = "running…";
    setState("loading");
    api("/api/cypher", null, { query: $("cypher-query").value }).then(function (r) {
      var head = el("tr", {});
      r.columns.forEach(function (c) { head.appendChild(el("th", { text: c })); });
      table.appendChild(el("thead", {}, [head]));
      var body = el("tbody", {});
      r.rows.forEach(function (row) {
        var tr = el("tr", {});
        r.columns.forEach(function (c) {
          var v = row[c], td = el("td", {});
          if (isNode(v)) td.appendChild(entityLink(v)); else td.textContent = cellText(v);
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      table.appendChild(body);
      $("cypher-summary").textContent = plural(r.rows.length, "row") + " · " + plural(r.columns.length, "column") +
        (r.warnings && r.warnings.length ? " · warning: " + r.warnings.join("; ") : "");
      root.setAttribute("data-cypher-rows", String(r.rows.length));
      cypherGraph(r);
      setState("ready");
    }).catch(function (e) {
      $("cypher-summary").textContent = "";
      showError(err, e);
      root.setAttribute("data-cypher-rows", "error");
      setState("ready");
    });
  }
  $("cypher-form").addEventListener("submit", function (ev) { ev.preventDefault(); runCypher(); });
  $("cypher-query").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runCypher(); }
  });

  // -- start ---------------------------------------------------------------------------------
  function start(meta) {
    META = meta;
    meta.entity_types.forEach(function (t) { $("qtype").appendChild(el("option", { value: t, text: t })); });
    $("dbinfo").textContent = meta.database + " · " + plural(meta.stats.documents, "document") + " · " +
      plural(meta.stats.entities, "entity", "entities") + " · " + plural(meta.stats.relations, "relation") + " · " +
      (meta.allow_edits ? "edits allowed" : "read-only");
    $("home-stats").textContent = plural(meta.stats.documents, "document") + ", " + plural(meta.stats.entities, "entity", "entities") +
      ", " + plural(meta.stats.relations, "relation") + " backed by " + plural(meta.stats.evidence, "evidence sentence") + ".";
    $("footer").textContent = "newsgraph explorer · drawn with vis-network (MIT / Apache-2.0) · API: /api/openapi.json";
    buildFilterForm();
    api("/api/top", { limit: 20 }).then(function (r) {
      r.entities.forEach(function (e) {
        $("home-top").appendChild(el("li", {}, [entityLink(e), el("span", { "class": "note", text: " " + plural(e.mentions, "mention") })]));
      });
    });
    if (typeof vis === "undefined" || !vis.Network) { window.newsgraphRecordError("vis-network did not load"); return; }
    window.addEventListener("hashchange", route);
    route();
  }
  api("/api/meta").then(start, function (err) {
    document.body.insertBefore(el("p", { "class": "error", text: "Cannot reach the newsgraph server: " + err.message }), document.body.firstChild);
  });
  window.newsgraph = { current: function () { return current; }, showEdge: function (id) { showEdge(id); }, clickNode: function (id) { clickNode(id); } };
})();
