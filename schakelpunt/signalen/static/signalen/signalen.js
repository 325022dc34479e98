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

  // A betrokkene added in place: move focus to its first field, so nobody has to look for it.
  var lijst = document.getElementById("betrokkenen-lijst");
  if (lijst) {
    document.body.addEventListener("htmx:afterSettle", function (event) {
      if (event.detail.target !== lijst) { return; }
      var nieuw = lijst.querySelector(".sp-betrokkene:last-of-type");
      var veld = nieuw && nieuw.querySelector("select, input");
      if (veld) { veld.focus(); }
      namenBijwerken();
    });
    // "Relatie met betrokkene 1" reads better with the name that was typed for betrokkene 1.
    var namenBijwerken = function () {
      lijst.querySelectorAll(".sp-betrokkene").forEach(function (fieldset) {
        var nummer = fieldset.getAttribute("data-nummer");
        var naam = ["voornamen", "voorvoegsel", "geslachtsnaam", "organisatienaam"].map(function (veld) {
          var input = fieldset.querySelector("input[name$='-" + veld + "']");
          return input ? input.value.trim() : "";
        }).filter(Boolean).join(" ");
        lijst.querySelectorAll("option[data-betrokkene='" + nummer + "']").forEach(function (option) {
          option.textContent = "betrokkene " + nummer + (naam ? ": " + naam : "");
        });
      });
    };
    lijst.addEventListener("input", namenBijwerken);
    namenBijwerken();
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
    // Only the fields the chosen action needs (without JavaScript all of them show, each saying when).
    var toon = function () {
      var chosen = triage.querySelector("input[name=actie]:checked");
      triage.querySelectorAll("[data-bij-actie]").forEach(function (blok) {
        var nodig = chosen && blok.getAttribute("data-bij-actie") === chosen.value;
        blok.hidden = !nodig && !blok.querySelector("[aria-invalid=true], .utrecht-form-field-error-message");
      });
    };
    triage.addEventListener("change", function (event) {
      if (event.target.name === "actie" || event.target.name === "afsluitreden") { update(); }
      if (event.target.name === "actie") { toon(); }
    });
    toon();
  }
})();
