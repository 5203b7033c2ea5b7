/* Import a guide: a textarea receives only the plain text of what is pasted. Keep Google
 * Docs' HTML (headings, bold, links, tables) by taking it from the clipboard instead. Listened
 * for on the document, as this may run before the form exists. */
document.addEventListener("paste", function (event) {
  "use strict";
  var field = event.target.closest && event.target.closest("[data-import-paste]");
  var html = field && event.clipboardData && event.clipboardData.getData("text/html");
  if (!html) {
    return;
  }
  event.preventDefault();
  field.value = html;
  field.dispatchEvent(new Event("input", { bubbles: true }));
});
