// B1 hint while typing (an enhancement: the same hint shows after saving without JavaScript).
// For every text with data-b1, ask the server for its readability a moment after typing stops.
(function () {
  var form = document.querySelector("form[data-b1-url]");
  if (!form || !window.fetch) { return; }
  var url = form.getAttribute("data-b1-url");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  function maakVak(veld) {
    var vak = document.createElement("div");
    vak.className = "b1-live";
    vak.id = veld.id + "-b1";
    vak.setAttribute("aria-live", "polite");
    veld.parentNode.appendChild(vak);
    return vak;
  }
  function toon(vak, advies) {
    vak.textContent = "";
    if (advies.score === null) { return; }
    var p = document.createElement("p");
    p.textContent = "Leesbaarheid: " + advies.score + " van 100. " + advies.uitleg;
    vak.appendChild(p);
    advies.lange_zinnen.forEach(function (zin) {
      var z = document.createElement("p");
      z.textContent = "Deze zin is lang. Maak er twee zinnen van: \u201c" + zin + "\u201d";
      vak.appendChild(z);
    });
    if (advies.lange_woorden.length) {
      var w = document.createElement("p");
      w.textContent = "Lange woorden: " + advies.lange_woorden.join(", ") + ". Kunt u een korter woord kiezen?";
      vak.appendChild(w);
    }
  }
  Array.prototype.forEach.call(form.querySelectorAll("[data-b1]"), function (veld) {
    var vak = maakVak(veld);
    var wacht = null;
    veld.addEventListener("input", function () {
      clearTimeout(wacht);
      wacht = setTimeout(function () {
        var data = new FormData();
        data.append("tekst", veld.value);
        fetch(url, { method: "POST", body: data, credentials: "same-origin",
                     headers: { "X-CSRFToken": token ? token.value : "" } })
          .then(function (antwoord) { return antwoord.ok ? antwoord.json() : null; })
          .then(function (advies) { if (advies) { toon(vak, advies); } })
          .catch(function () { /* the hint is a help, never a block */ });
      }, 700);
    });
  });
})();
