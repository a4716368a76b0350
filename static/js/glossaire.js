// Glossary word page: the « Écouter » button reads the word and its explanation aloud with the
// browser's own French voice. The button stays hidden when the browser cannot speak French.
(function () {
  "use strict";
  var button = document.querySelector(".js-ecouter");
  if (!button || !("speechSynthesis" in window) || !("SpeechSynthesisUtterance" in window)) {
    return;
  }
  var synth = window.speechSynthesis;
  var label = button.querySelector(".js-ecouter-texte");
  var listenText = label.textContent;
  var stopText = button.getAttribute("data-arreter");

  function frenchVoice() {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang && voices[i].lang.toLowerCase().replace("_", "-").indexOf("fr") === 0) {
        return voices[i];
      }
    }
    return null;
  }

  function textToRead() {
    return button.getAttribute("data-lire").split(" ").map(function (id) {
      var element = document.getElementById(id);
      return element ? element.textContent.trim() : "";
    }).filter(Boolean).join(". ");
  }

  function showIdle() {
    label.textContent = listenText;
  }

  function reveal() {
    if (frenchVoice()) {
      button.hidden = false;
    }
  }

  button.addEventListener("click", function () {
    if (synth.speaking) {
      synth.cancel();
      showIdle();
      return;
    }
    var voice = frenchVoice();
    if (!voice) {
      return;
    }
    var utterance = new SpeechSynthesisUtterance(textToRead());
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onend = showIdle;
    utterance.onerror = showIdle;
    label.textContent = stopText;
    synth.speak(utterance);
  });

  // Voices often arrive after the page: Chrome announces them with « voiceschanged ».
  reveal();
  if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", reveal);
  } else {
    synth.onvoiceschanged = reveal;
  }
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
