// The survey builder's question form: show only the fieldsets that the chosen type of question uses.
// Without JavaScript every fieldset shows, each saying which types use it; the server ignores the rest.
(function () {
  "use strict";
  var select = document.querySelector("select[name=kind]");
  var fieldsets = document.querySelectorAll("fieldset[data-question-kinds]");
  if (!select || fieldsets.length === 0) { return; }
  function showTheKindsFields() {
    fieldsets.forEach(function (fieldset) {
      fieldset.hidden = fieldset.getAttribute("data-question-kinds").split(" ").indexOf(select.value) === -1;
    });
  }
  select.addEventListener("change", showTheKindsFields);
  showTheKindsFields();
})();
