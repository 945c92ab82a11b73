// "Snel weg" (quick exit, the GOV.UK "Exit this page" pattern). As a plain link
// it opens a neutral page. With JavaScript it also replaces this page in the
// history, so the back button does not come back here, and three presses of
// Shift do the same.
(function () {
  var link = document.querySelector("[data-snel-weg]");
  if (!link) { return; }
  function weg(event) {
    if (event) { event.preventDefault(); }
    document.body.hidden = true;
    document.title = "";
    window.location.replace(link.href);
  }
  link.addEventListener("click", weg);
  var keer = 0;
  var klok = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { keer = 0; return; }
    keer += 1;
    clearTimeout(klok);
    klok = setTimeout(function () { keer = 0; }, 1000);
    if (keer >= 3) { weg(); }
  });
})();
