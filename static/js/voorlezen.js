// "Lees voor": reads the main content aloud with the browser's own speech
// (Web Speech API). Nothing leaves the device. The buttons stay hidden when the
// browser has no voice for the page's language; without JavaScript nothing shows.
(function () {
  var vak = document.querySelector("[data-voorlezen]");
  var spraak = window.speechSynthesis;
  if (!vak || !spraak || typeof window.SpeechSynthesisUtterance !== "function") { return; }
  var taal = (document.documentElement.lang || "nl").toLowerCase();
  var start = vak.querySelector("[data-voorlezen-start]");
  var pauze = vak.querySelector("[data-voorlezen-pauze]");
  var stop = vak.querySelector("[data-voorlezen-stop]");
  var labelStart = start.textContent;
  var stem = null;
  var gepauzeerd = false;
  var markering = window.CSS && CSS.highlights && typeof window.Highlight === "function";

  function zoekStem() {
    var stemmen = spraak.getVoices() || [];
    stem = null;
    for (var i = 0; i < stemmen.length; i++) {
      var lang = (stemmen[i].lang || "").toLowerCase().replace("_", "-");
      if (lang === taal || lang.split("-")[0] === taal) { stem = stemmen[i]; break; }
    }
    vak.hidden = !stem;
    if (!stem) { spraak.cancel(); }
  }

  // The text nodes of the main content, without the buttons and hidden parts.
  function tekstDelen() {
    var main = document.getElementById("inhoud");
    var delen = [];
    var lengte = 0;
    var loper = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var el = node.parentElement;
        if (!el || vak.contains(el) || el.closest("script, style, [hidden], [aria-hidden='true'], .visually-hidden, .no-voorlezen")) {
          return NodeFilter.FILTER_REJECT;
        }
        return node.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    while (loper.nextNode()) {
      delen.push({ node: loper.currentNode, van: lengte });
      lengte += loper.currentNode.nodeValue.length + 1;
    }
    return delen;
  }

  function toon(spreekt) {
    start.hidden = spreekt;
    pauze.hidden = !spreekt;
    stop.hidden = !spreekt;
    start.setAttribute("aria-pressed", spreekt ? "true" : "false");
  }

  function klaar() {
    gepauzeerd = false;
    pauze.textContent = pauze.dataset.label || pauze.textContent;
    toon(false);
    if (markering) { CSS.highlights.delete("voorlezen"); }
    start.focus();
  }

  function markeer(delen, index, lengte) {
    if (!markering) { return; }
    for (var i = delen.length - 1; i >= 0; i--) {
      if (delen[i].van <= index) {
        var node = delen[i].node;
        var begin = index - delen[i].van;
        if (begin >= node.nodeValue.length) { return; }
        var bereik = new Range();
        bereik.setStart(node, begin);
        bereik.setEnd(node, Math.min(node.nodeValue.length, begin + (lengte || 1)));
        CSS.highlights.set("voorlezen", new Highlight(bereik));
        return;
      }
    }
  }

  start.addEventListener("click", function () {
    if (!stem) { return; }
    spraak.cancel();
    var delen = tekstDelen();
    var uiting = new SpeechSynthesisUtterance(delen.map(function (d) { return d.node.nodeValue; }).join(" "));
    uiting.lang = stem.lang;
    uiting.voice = stem;
    uiting.onboundary = function (e) { if (e.name === "word" || !e.name) { markeer(delen, e.charIndex, e.charLength); } };
    uiting.onend = klaar;
    uiting.onerror = klaar;
    toon(true);
    pauze.focus();
    spraak.speak(uiting);
  });
  pauze.dataset.label = pauze.textContent;
  pauze.addEventListener("click", function () {
    if (gepauzeerd) {
      spraak.resume();
      gepauzeerd = false;
      pauze.textContent = pauze.dataset.label;
    } else {
      spraak.pause();
      gepauzeerd = true;
      pauze.textContent = pauze.dataset.verder || labelStart;
    }
    pauze.setAttribute("aria-pressed", gepauzeerd ? "true" : "false");
  });
  stop.addEventListener("click", function () { spraak.cancel(); klaar(); });
  window.addEventListener("pagehide", function () { spraak.cancel(); });

  zoekStem();
  if (typeof spraak.addEventListener === "function") {
    spraak.addEventListener("voiceschanged", zoekStem);
  } else {
    spraak.onvoiceschanged = zoekStem;
  }
})();
