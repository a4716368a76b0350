/* Jeu de l'oie: after htmx swaps the game block (an action, or polling that found a newer
   version), move the pawns square by square to where they now stand, read the last turn into
   the live region, and put the keyboard focus back on the button that was pressed.
   Without JavaScript every button is a plain form and the page reloads: nothing here is
   needed to play. Movement is skipped when the person asked for reduced motion. */
(function () {
  "use strict";

  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var STEP_MS = 180;
  var MAX_MS = 4000;
  var before = null;

  function corner(svg, square) {
    var rect = svg.querySelector("#case-" + square + " rect");
    return rect ? { x: +rect.getAttribute("x"), y: +rect.getAttribute("y") } : null;
  }

  function translation(element) {
    var match = /translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\s*\)/.exec(element.getAttribute("transform") || "");
    return match ? { x: +match[1], y: +match[2] } : null;
  }

  function squaresWalked(from, moves, size) {
    var squares = [from];
    var at = from;
    moves.forEach(function (move) {
      if (!move.walk) {
        at = move.to;
        squares.push(at);
        return;
      }
      if (move.bounced) {
        while (at < size) { at += 1; squares.push(at); }
      }
      var direction = move.to >= at ? 1 : -1;
      while (at !== move.to) { at += direction; squares.push(at); }
    });
    return squares;
  }

  function animatePawns(block, previous) {
    if (reducedMotion.matches || !previous) return;
    var svg = block.querySelector(".partie__plateau svg");
    if (!svg || typeof svg.animate !== "function") return;
    var size = svg.querySelectorAll(".case").length - 1;
    block.querySelectorAll(".pion").forEach(function (pawn) {
      var player = pawn.getAttribute("data-joueur");
      var from = previous[player];
      var square = +pawn.getAttribute("data-case");
      var item = block.querySelector('[data-trajet-joueur="' + player + '"]');
      var moves = [];
      try { moves = JSON.parse(item ? item.getAttribute("data-trajet") : "[]"); } catch (error) { moves = []; }
      if (from === undefined || from === square || !moves.length) return;
      var end = translation(pawn);
      var home = corner(svg, square);
      if (!end || !home) return;
      var dx = end.x - home.x;
      var dy = end.y - home.y;
      var frames = squaresWalked(from, moves, size).map(function (walked) {
        var point = corner(svg, walked) || home;
        return { transform: "translate(" + (point.x + dx) + "px, " + (point.y + dy) + "px)" };
      });
      if (frames.length < 2) return;
      pawn.animate(frames, { duration: Math.min(STEP_MS * frames.length, MAX_MS), easing: "linear" });
    });
  }

  function pawnSquares(block) {
    var squares = {};
    block.querySelectorAll(".pion").forEach(function (pawn) {
      squares[pawn.getAttribute("data-joueur")] = +pawn.getAttribute("data-case");
    });
    return squares;
  }

  function announce(block) {
    var region = document.getElementById("annonce");
    var text = block.getAttribute("data-annonce") || "";
    if (!region || !text) return;
    // Emptied first so that the same sentence twice is still read.
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function restoreFocus(id) {
    if (!id) return;
    var target = document.getElementById(id);
    if (!target && id === "bouton-reponse") target = document.getElementById("reponse");
    if (!target) target = document.getElementById("dernier-coup");
    if (target) target.focus();
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var block = document.getElementById("partie");
    if (!block || event.detail.target !== block) return;
    var active = document.activeElement;
    before = {
      version: block.getAttribute("data-version"),
      squares: pawnSquares(block),
      focus: active && block.contains(active) ? active.id : null
    };
  });

  document.addEventListener("htmx:afterSettle", function () {
    var block = document.getElementById("partie");
    if (!block || !before) return;
    var previous = before;
    before = null;
    if (block.getAttribute("data-version") !== previous.version) {
      animatePawns(block, previous.squares);
      announce(block);
    }
    restoreFocus(previous.focus);
  });
})();
