// Warn before leaving a page whose forms hold changes not yet saved. Progressive enhancement: only the
// POST forms inside an element marked data-warn-unsaved are watched; sending a form saves it, so it no
// longer counts, while another form on the page that was changed and not sent still does.
(function () {
  "use strict";
  var changed = new Set();

  function watchedForm(element) {
    var form = element && element.form;
    if (!form || form.method.toLowerCase() !== "post") { return null; }
    return form.closest("[data-warn-unsaved]") ? form : null;
  }

  function remember(event) {
    var form = watchedForm(event.target);
    if (form) { changed.add(form); }
  }

  document.addEventListener("input", remember);
  document.addEventListener("change", remember);
  document.addEventListener("submit", function (event) { changed.delete(event.target); });
  window.addEventListener("beforeunload", function (event) {
    if (changed.size === 0) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
})();
