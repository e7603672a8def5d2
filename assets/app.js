// hushlink: progressive comfort only. Every page works without this file.
(function () {
  "use strict";
  function copy(button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) { return; }
    var label = button.textContent;
    function done() {
      button.textContent = button.getAttribute("data-copied") || label;
      setTimeout(function () { button.textContent = label; }, 2000);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(target.value).then(done, function () {
        target.select(); document.execCommand("copy"); done();
      });
    } else {
      target.select(); document.execCommand("copy"); done();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function (e) { copy(e.currentTarget); });
    }
    var field = document.getElementById("password-link");
    if (field) { field.addEventListener("focus", function () { field.select(); }); }
    guardSize();
  });

  // The size of the text as the form sends it, counted as the server counts
  // it: UTF-8 bytes, with every line break sent as CR LF.
  function formBytes(text) {
    return new TextEncoder().encode(text.replace(/\r\n|\r|\n/g, "\r\n")).length;
  }

  // Refuses, before sending, a secret larger than the server stores, and
  // says so; the server refuses it too (and keeps what was typed) when this
  // script does not run.
  function guardSize() {
    var form = document.getElementById("create-form");
    var secret = document.getElementById("password");
    var message = document.getElementById("form-error");
    if (!form || !secret || !message || !window.TextEncoder) { return; }
    var max = parseInt(secret.getAttribute("data-max-bytes"), 10);
    var template = secret.getAttribute("data-too-large") || "";
    if (!(max > 0)) { return; }
    var flagged = false;
    function fits() {
      var size = formBytes(secret.value);
      if (size > max) {
        message.textContent = template.replace("{size}", String(size));
        message.hidden = false;
        secret.setAttribute("aria-invalid", "true");
        flagged = true;
        return false;
      }
      if (flagged) {
        message.hidden = true;
        message.textContent = "";
        secret.removeAttribute("aria-invalid");
        flagged = false;
      }
      return true;
    }
    form.addEventListener("submit", function (e) {
      if (!fits()) { e.preventDefault(); secret.focus(); }
    });
    secret.addEventListener("input", function () { if (flagged) { fits(); } });
  }
})();
