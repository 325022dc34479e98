// Signalen: guidance beside the report form, and terugkoppeling templates in the triage form.
// A static file because the Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";

  var form = document.getElementById("signaal-form");
  if (form && window.htmx) {
    form.addEventListener("change", function (event) {
      var input = event.target;
      var soort = input.getAttribute("data-guidance-soort");
      if (!soort || !input.checked) { return; }
      var template = form.getAttribute("data-guidance-" + soort);
      if (!template) { return; }
      var url = template.replace("{code}", encodeURIComponent(input.getAttribute("data-guidance-code")));
      window.htmx.ajax("GET", url, {target: "#wegwijzer-hulp", swap: "innerHTML"});
    });
  }

  var triage = document.getElementById("triage-form");
  var data = document.getElementById("terugkoppeling-sjablonen");
  if (triage && data) {
    var sjablonen = JSON.parse(data.textContent);
    var text = triage.querySelector("textarea[name=terugkoppeling]");
    var reden = triage.querySelector("select[name=afsluitreden]");
    var known = Object.keys(sjablonen).map(function (k) { return sjablonen[k].trim(); });
    var keyFor = {meer_informatie: "meer_informatie", in_behandeling: "in_behandeling", opschalen: "opgeschaald"};

    var update = function () {
      var chosen = triage.querySelector("input[name=actie]:checked");
      if (!chosen) { return; }
      var key = chosen.value === "afsluiten" ? "afgesloten_" + (reden.value || "geen_vervolg") : keyFor[chosen.value];
      // Only replace text that is empty or still an unedited template: never what someone typed.
      if (sjablonen[key] && (text.value.trim() === "" || known.indexOf(text.value.trim()) !== -1)) {
        text.value = sjablonen[key];
      }
    };
    triage.addEventListener("change", function (event) {
      if (event.target.name === "actie" || event.target.name === "afsluitreden") { update(); }
    });
  }
})();
