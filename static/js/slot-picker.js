/* The Health Check form's slot picker, enhanced: says the chosen time in words (for everyone,
 * and to screen readers through a live region) before the form is sent. Without JavaScript the
 * picker works the same; the chosen day is marked by the stylesheet. */
(function () {
  "use strict";
  var choice = document.getElementById("slot-choice");
  if (!choice) {
    return;
  }
  var form = choice.closest("form");
  function say(input) {
    if (!input) {
      choice.hidden = true;
      return;
    }
    choice.textContent = "You have chosen " + input.getAttribute("data-choice") + ".";
    choice.hidden = false;
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === "slot") {
      say(event.target);
    }
  });
  say(form.querySelector("input[name=slot]:checked"));
})();
