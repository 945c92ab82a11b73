/* /beheer/: small repairs to markup that Django's admin scripts build in the
   browser, so screen readers can name every control (WCAG 2.1, axe-core).
   - filter_horizontal (SelectFilter2.js) puts an aria-label on a plain span:
     give it role="img", where that label is allowed.
   - the export page (django-import-export) has a "select all" box whose label
     points to an id it does not have, and an inline handler that our CSP blocks.
   - autocomplete fields (select2): the combobox is named by the label of the
     original select; the inner text box and search field get that name too. */
(function () {
  "use strict";

  function labelTekst(select) {
    if (!select || !select.id) return "";
    var label = document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/[:*]/g, "").trim() : "";
  }

  function herstel(root) {
    root.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (el) {
      el.setAttribute("role", "img");
    });
    root.querySelectorAll("span.select2-container").forEach(function (container) {
      var select = container.previousElementSibling;
      if (!select || select.tagName !== "SELECT") return;
      var naam = labelTekst(select);
      if (!naam) return;
      var combobox = container.querySelector(".select2-selection");
      if (combobox) {
        combobox.removeAttribute("aria-labelledby");
        combobox.setAttribute("aria-label", naam);
      }
      container.querySelectorAll(".select2-selection__rendered[role=textbox]").forEach(function (el) {
        el.removeAttribute("role");
        el.removeAttribute("aria-readonly");
      });
      container.querySelectorAll(".select2-search__field").forEach(function (el) {
        el.setAttribute("aria-label", naam);
      });
      // The chosen values of a multiple field sit in a <ul> that also holds the search
      // box, which a list may not hold: present it (and its items) as plain content.
      container.querySelectorAll("ul.select2-selection__rendered:not([role])").forEach(function (ul) {
        ul.setAttribute("role", "none");
        Array.prototype.forEach.call(ul.children, function (kind) {
          if (kind.tagName === "LI") kind.setAttribute("role", "none");
        });
      });
    });
  }

  function exportKeuze() {
    var vakje = document.querySelector("input.select-toggle:not([id])");
    if (!vakje || document.getElementById("select-all-toggle")) return;
    vakje.id = "select-all-toggle";
    vakje.removeAttribute("onchange");
    vakje.addEventListener("change", function (event) {
      if (typeof window.onSelectToggleChange === "function") window.onSelectToggleChange(event);
    });
  }

  function start() {
    exportKeuze();
    herstel(document);
    new MutationObserver(function () { herstel(document); }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
