// Schakelpunt front-end behaviour: idle-session warning. No inline scripts (strict CSP).
(function () {
  "use strict";
  var body = document.body;
  var idle = parseInt(body.dataset.idleTimeout || "0", 10);
  if (!idle) { return; }
  var warnBefore = parseInt(body.dataset.warningBefore || "120", 10);
  var warning = document.getElementById("sessie-waarschuwing");
  var button = document.getElementById("sessie-verlengen");
  var warnTimer, expireTimer;

  function csrfToken() {
    try { return JSON.parse(body.getAttribute("hx-headers"))["X-CSRFToken"]; } catch (e) { return ""; }
  }
  function schedule() {
    clearTimeout(warnTimer); clearTimeout(expireTimer);
    warnTimer = setTimeout(function () {
      warning.hidden = false;
      button.focus();
    }, Math.max(idle - warnBefore, 1) * 1000);
    expireTimer = setTimeout(function () {
      window.location.assign(body.dataset.expiredUrl);
    }, idle * 1000);
  }
  button.addEventListener("click", function () {
    fetch(body.dataset.keepaliveUrl, {
      method: "POST", credentials: "same-origin",
      headers: {"X-CSRFToken": csrfToken()}
    }).then(function (response) {
      if (response.ok) { warning.hidden = true; schedule(); }
      else { window.location.assign(body.dataset.expiredUrl); }
    });
  });
  // Any htmx request the user makes counts as activity on the server too.
  document.addEventListener("htmx:afterRequest", schedule);
  schedule();
})();
