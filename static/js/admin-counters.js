/* Page editor: a running count under the fields search engines cut short (title, SEO title,
 * search description), saying plainly when one is too long (not by colour alone). */
(function () {
  "use strict";
  var LIMITS = { id_title: 60, id_seo_title: 60, id_search_description: 160 };

  function attach(field, limit) {
    if (field.dataset.lengthCounter) {
      return;
    }
    field.dataset.lengthCounter = "on";
    var counter = document.createElement("p");
    counter.className = "help length-counter";
    counter.id = field.id + "-length";
    counter.setAttribute("aria-live", "polite");
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    field.insertAdjacentElement("afterend", counter);
    function update() {
      var length = field.value.length;
      counter.textContent =
        length + " of about " + limit + " characters search engines show" +
        (length > limit ? ": too long, they will cut it" : "");
      counter.classList.toggle("length-counter--over", length > limit);
    }
    field.addEventListener("input", update);
    update();
  }

  function init() {
    Object.keys(LIMITS).forEach(function (id) {
      var field = document.getElementById(id);
      if (field) {
        attach(field, LIMITS[id]);
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
