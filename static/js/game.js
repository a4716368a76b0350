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

  function versionOf(html) {
    var match = /id="partie"[^>]*data-version="(\d+)"/.exec(html || "");
    return match ? +match[1] : null;
  }

  // What the screen showed last, kept across swaps: a poll and an action can both answer with
  // the same new version, and their swaps may interleave; the pawns walk and the turn is read
  // once per new version, and the focus wish survives until a swap has settled.
  var shown = null;
  var wantedFocus = null;

  function remember(block) {
    shown = { version: block.getAttribute("data-version"), squares: pawnSquares(block) };
  }

  function start() {
    var block = document.getElementById("partie");
    if (block) remember(block);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  document.addEventListener("htmx:beforeSwap", function (event) {
    var block = document.getElementById("partie");
    if (!block || event.detail.target !== block) return;
    var config = event.detail.requestConfig || {};
    if (config.verb === "get") {
      // Polling never brings back a block the screen already shows, nor an older one.
      var incoming = versionOf(event.detail.serverResponse);
      if (incoming !== null && incoming <= +block.getAttribute("data-version")) {
        event.detail.shouldSwap = false;
        return;
      }
    }
    var active = document.activeElement;
    if (active && active.id && block.contains(active)) wantedFocus = active.id;
  });

  document.addEventListener("htmx:afterSettle", function () {
    var block = document.getElementById("partie");
    if (!block) return;
    if (shown && block.getAttribute("data-version") !== shown.version) {
      animatePawns(block, shown.squares);
      announce(block);
    }
    remember(block);
    var focus = wantedFocus;
    wantedFocus = null;
    restoreFocus(focus);
  });
})();
