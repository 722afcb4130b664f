// The two drawings benchmarks/serve_draw.py --compare times on the same ego network
// (DATA, written beside this file as data.js): vis-network with the explorer's options,
// Sigma.js (WebGL) with graphology's ForceAtlas2. Both start from the same ring layout and
// run the same number of force-layout iterations (ITERATIONS). Each reports into
// document.documentElement.dataset.result:
//   first_frame_ms  data given to the library until its first full frame is drawn
//   settled_ms      ... until the layout has run ITERATIONS iterations and is drawn
//   frame_ms        one full redraw, mean of 20 (CPU time until the pixels are done:
//                   for WebGL a 1-pixel readPixels waits for the GPU, SwiftShader here)
(function () {
  "use strict";
  var root = document.documentElement;
  var RENDERER = root.dataset.renderer, ITERATIONS = Number(root.dataset.iterations);
  function report(r) { root.setAttribute("data-result", JSON.stringify(r)); }
  function ring(nodes, centre) {  // the explorer's ringLayout
    var rings = {}, out = {};
    nodes.forEach(function (n) { if (n.id !== centre) (rings[n.hop || 1] = rings[n.hop || 1] || []).push(n); });
    out[centre] = { x: 0, y: 0 };
    Object.keys(rings).forEach(function (hop) {
      var r = rings[hop].sort(function (a, b) { return a.type < b.type ? -1 : a.type > b.type ? 1 : b.mentions - a.mentions; });
      var radius = Math.max(220 * Number(hop), r.length * 60 / (2 * Math.PI));
      r.forEach(function (n, i) { var a = 2 * Math.PI * i / r.length; out[n.id] = { x: radius * Math.cos(a), y: radius * Math.sin(a) }; });
    });
    return out;
  }
  var CO = "CO_OCCURS_WITH";
  var pos = ring(DATA.nodes, DATA.center.id);
  var maxMentions = Math.max.apply(null, DATA.nodes.map(function (n) { return n.mentions; }).concat([1]));
  function colour(t) { return COLOURS[t] || "#9d9d9d"; }

  function vis_() {
    var t0 = performance.now();
    var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
      return { id: n.id, label: n.name, value: Math.max(1, n.mentions), x: pos[n.id].x, y: pos[n.id].y,
               color: { background: colour(n.type), border: "#333333" }, font: { size: 15, color: "#222", strokeWidth: 3, strokeColor: "#ffffff" } };
    }));
    var edges = new vis.DataSet(DATA.edges.map(function (e) {
      var co = e.type === CO;
      return { id: e.id, from: e.from, to: e.to, label: co ? undefined : e.type, dashes: co,
               width: Math.min(8, 1.2 + 1.6 * Math.log2(Math.max(1, e.weight))), smooth: { enabled: false },
               arrows: e.directed ? { to: { enabled: true, scaleFactor: 0.6 } } : { to: { enabled: false } },
               color: co ? { color: "#bbbbbb" } : { color: "#7a7a7a" }, font: { size: 12, color: "#333333", strokeWidth: 0 } };
    }));
    var net = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges }, {
      nodes: { shape: "dot", scaling: { min: 10, max: 42, label: { enabled: false } }, font: { face: "system-ui, sans-serif" } },
      physics: { enabled: false, solver: "forceAtlas2Based",
                 forceAtlas2Based: { gravitationalConstant: -140, centralGravity: 0.012, springLength: 190, springConstant: 0.05, avoidOverlap: 0.8 },
                 stabilization: { enabled: false } },
      layout: { improvedLayout: false, randomSeed: 5 }
    });
    net.fit({ animation: false });
    net.redraw();
    var first = performance.now() - t0;
    setTimeout(function () {
      net.setOptions({ physics: { enabled: true } });
      // After the iterations asked for ("stabilized" may never come: vis-network then goes
      // on simulating, and redrawing, until the layout is still).
      net.once("stabilizationIterationsDone", function () {
        net.setOptions({ physics: false });
        net.fit({ animation: false });
        net.redraw();
        var settled = performance.now() - t0;
        var t = performance.now();
        for (var i = 0; i < 20; i++) net.redraw();
        report({ first_frame_ms: first, settled_ms: settled, frame_ms: (performance.now() - t) / 20 });
      });
      net.stabilize(ITERATIONS);
    }, 0);
  }

  function sigma_() {
    var t0 = performance.now();
    var G = new graphology.Graph({ multi: true, type: "mixed" });
    DATA.nodes.forEach(function (n) {
      G.addNode(n.id, { label: n.name, x: pos[n.id].x, y: -pos[n.id].y, color: colour(n.type),
                        size: 5 + 16 * Math.sqrt(Math.max(1, n.mentions) / maxMentions) });
    });
    DATA.edges.forEach(function (e) {
      var attrs = { size: Math.min(5, 0.8 + Math.log2(Math.max(1, e.weight))), color: e.type === CO ? "#cccccc" : "#7a7a7a",
                    label: e.type === CO ? undefined : e.type, head: e.directed ? "arrow" : "none" };
      if (e.directed) G.addDirectedEdgeWithKey(e.id, e.from, e.to, attrs);
      else G.addUndirectedEdgeWithKey(e.id, e.from, e.to, attrs);
    });
    var S = Sigma.Sigma;
    var renderer = new S(G, document.getElementById("graph"), {
      primitives: { edges: { extremities: [Sigma.rendering.extremityArrow()] } },
      styles: { edges: [{ head: { attribute: "head", defaultValue: "none" } }] },
      settings: { renderEdgeLabels: true, itemSizesReference: "screen", autoRescale: true }
    });
    var canvases = document.querySelectorAll("#graph canvas");
    function finish() {  // wait for the GPU: read one pixel from every WebGL canvas
      var px = new Uint8Array(4);
      canvases.forEach(function (c) {
        var ctx = c.getContext("webgl2") || c.getContext("webgl");
        if (ctx) ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px);
      });
    }
    renderer.refresh();
    finish();
    var first = performance.now() - t0;
    setTimeout(function () {
      var FA2 = graphologyLibrary.layoutForceAtlas2;
      FA2.assign(G, { iterations: ITERATIONS, settings: FA2.inferSettings(G) });
      renderer.refresh();
      finish();
      var settled = performance.now() - t0;
      var t = performance.now();
      for (var i = 0; i < 20; i++) { renderer.refresh(); finish(); }
      report({ first_frame_ms: first, settled_ms: settled, frame_ms: (performance.now() - t) / 20 });
    }, 0);
  }
  try { (RENDERER === "sigma" ? sigma_ : vis_)(); } catch (e) { report({ error: String(e && e.stack || e) }); }
})();
