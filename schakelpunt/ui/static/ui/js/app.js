// Schakelpunt front-end behaviour: form errors, required fields, idle-session warning.
// No inline scripts (strict CSP).
(function () {
  "use strict";

  // After a form error the page comes back with an error summary: move focus there, so that
  // keyboard and screen-reader users hear what went wrong instead of starting at the top.
  var summary = document.querySelector("main .utrecht-alert--error");
  if (summary) {
    if (!summary.hasAttribute("tabindex")) { summary.setAttribute("tabindex", "-1"); }
    summary.focus();
  }

  // Required fields say what is missing in Dutch beside the field (data-verplicht, or a
  // general text), never with the browser's own bubble. The server checks again.
  function requiredMessage(form, field) {
    var id = (field.id || field.name) + "_verplicht";
    var message = document.getElementById(id);
    if (!message) {
      message = document.createElement("p");
      message.className = "utrecht-form-field-error-message";
      message.id = id;
      field.parentNode.insertBefore(message, field);
    }
    message.textContent = field.getAttribute("data-verplicht") || "Vul dit veld in.";
    field.setAttribute("aria-invalid", "true");
    var described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (described.indexOf(id) === -1) { described.push(id); }
    field.setAttribute("aria-describedby", described.join(" "));
    return message;
  }
  document.querySelectorAll("form:not([novalidate])").forEach(function (form) {
    if (!form.querySelector("[required]")) { return; }
    form.noValidate = true;
    form.addEventListener("submit", function (event) {
      var first = null;
      form.querySelectorAll("[required]").forEach(function (field) {
        var message = document.getElementById((field.id || field.name) + "_verplicht");
        if (field.value.trim() === "") {
          requiredMessage(form, field);
          first = first || field;
        } else if (message) {
          message.remove();
          field.removeAttribute("aria-invalid");
        }
      });
      if (first) { event.preventDefault(); first.focus(); }
    });
  });

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
