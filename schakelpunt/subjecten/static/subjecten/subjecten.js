// Subjecten: keep the user's place when htmx replaces part of the subject page.
// A static file because the Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";
  var tabellenOpen = false;

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.id === "netwerk") {
      var details = document.getElementById("netwerk-tabellen");
      tabellenOpen = Boolean(details && details.open);
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var id = event.detail.target && event.detail.target.id;
    var netwerk = document.getElementById("netwerk");
    if (id === "netwerk" || (netwerk && netwerk.contains(event.detail.elt))) {
      var details = document.getElementById("netwerk-tabellen");
      if (details && tabellenOpen) { details.open = true; }
    }
    // htmx puts focus back on an element with the same id; when that element is gone, focus would fall
    // back to the page: move it to what was just updated instead.
    var active = document.activeElement;
    if (active && active !== document.body) { return; }
    var focus = null;
    if (id === "netwerk") { focus = document.getElementById("netwerk-samenvatting"); }
    if (id === "bsn-waarde") { focus = document.getElementById("bsn-waarde"); }
    if (focus) { focus.focus(); }
  });
})();
