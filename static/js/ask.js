// Ask form: shows how many characters the text has, next to the 5 000 limit. Without
// JavaScript the server says it when the form is sent.
(function () {
  "use strict";
  document.querySelectorAll("[data-compteur-pour]").forEach(function (counter) {
    var field = document.getElementById(counter.getAttribute("data-compteur-pour"));
    var maximum = parseInt(counter.getAttribute("data-maximum"), 10);
    if (!field || !maximum) { return; }
    function update() {
      var length = field.value.trim().length;
      counter.textContent = length.toLocaleString("fr-FR") + " / " + maximum.toLocaleString("fr-FR") + " caractères";
      counter.classList.toggle("compteur--trop", length > maximum);
    }
    field.addEventListener("input", update);
    counter.hidden = false;
    update();
  });
})();
