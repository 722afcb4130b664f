// Collected before anything else runs, so the page itself can report what went wrong
// (read by the tests from data-errors). One copy for both pages: the explorer loads it
// as /static/page-errors.js, and `newsgraph show` inlines it in its self-contained page.
(function () {
  "use strict";
  var root = document.documentElement, errors = [];
  function record(message) {
    errors.push(String(message));
    root.setAttribute("data-errors", JSON.stringify(errors));
  }
  window.addEventListener("error", function (e) { record(e.message || e.error || "error"); });
  window.addEventListener("unhandledrejection", function (e) { record("unhandled rejection: " + e.reason); });
  var consoleError = console.error;
  console.error = function () {
    record(Array.prototype.map.call(arguments, String).join(" "));
    return consoleError.apply(console, arguments);
  };
  window.newsgraphRecordError = record;
})();
