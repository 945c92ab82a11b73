// Move focus to the error summary so screen reader and keyboard users hear it first.
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
})();
