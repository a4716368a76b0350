// « Imprimer cette page » buttons: hidden without JavaScript (the browser's menu prints too).
(function () {
  "use strict";
  document.querySelectorAll(".js-imprimer").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
