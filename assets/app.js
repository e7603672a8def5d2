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
  });
})();
