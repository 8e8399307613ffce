// The session form: a date known only by its month or year has no end date and no hours, so hide those fields
// (and disable them, so nothing hidden is sent). Without JavaScript they all show, and the server refuses an hour
// or an end date given with such a date, with its reason.
(function () {
  "use strict";
  var radios = document.querySelectorAll("input[name=date_precision]");
  var inputs = document.querySelectorAll("[data-exact-date-only]");
  if (radios.length === 0 || inputs.length === 0) { return; }
  function showWhatTheDateAllows() {
    var checked = document.querySelector("input[name=date_precision]:checked");
    var exact = !checked || checked.value === "day";
    inputs.forEach(function (input) {
      // A field the server refused stays in view with its message.
      var keep = exact || input.classList.contains("is-invalid");
      var wrapper = document.getElementById("div_id_" + input.name) || input;
      wrapper.hidden = !keep;
      input.disabled = !keep;
    });
  }
  radios.forEach(function (radio) { radio.addEventListener("change", showWhatTheDateAllows); });
  showWhatTheDateAllows();
})();
