// Lists the endpoints of /api/openapi.json (FastAPI's Swagger page would load from a CDN).
(function () {
  "use strict";
  fetch("/api/openapi.json").then(function (r) { return r.json(); }).then(function (spec) {
    var body = document.getElementById("endpoints");
    Object.keys(spec.paths).forEach(function (path) {
      Object.keys(spec.paths[path]).forEach(function (method) {
        var op = spec.paths[path][method], tr = document.createElement("tr");
        var params = (op.parameters || []).map(function (p) { return p.name + (p.required ? "*" : ""); });
        var bodyRef = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
        if (bodyRef) params.push("JSON body");
        [method.toUpperCase(), path, op.summary || "", params.join(", ")].forEach(function (text) {
          var td = document.createElement("td");
          td.textContent = text;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    });
  });
})();
