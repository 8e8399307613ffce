// Quicker SDG alignment: choosing a goal reloads its targets, and choosing a target shows only its
// indicators without a round trip. Without JavaScript the two "Show" buttons do the same.
(function () {
  "use strict";
  var goalForm = document.getElementById("goal-pick");
  var targetForm = document.getElementById("target-pick");
  var hidden = document.getElementById("alignment-target");
  if (!goalForm || !targetForm || !hidden) { return; }
  goalForm.querySelector("select").addEventListener("change", function () { goalForm.submit(); });
  var select = targetForm.querySelector("select");
  function filter() {
    var chosen = select.options[select.selectedIndex];
    var code = chosen && chosen.value ? chosen.text.split(" ")[0] + "." : "";
    hidden.value = select.value;
    document.querySelectorAll("#step-rows input[type=checkbox]").forEach(function (box) {
      var label = box.closest(".form-check");
      var text = label ? label.textContent.trim() : "";
      if (label) { label.hidden = code !== "" && text.indexOf(code) !== 0; }
    });
  }
  select.addEventListener("change", filter);
  targetForm.querySelector("button[type=submit]").hidden = true;
  filter();
})();
