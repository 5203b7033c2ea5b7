/* Page editor: Wagtail 8's autosave must not be mistaken for another window's work.
 *
 * Two races in Wagtail's own scripts told an editor with one window open "You saved a new
 * version in another window" (and then intercepted Save draft and Publish with that dialog):
 *
 * 1. The editing-session ping carries the revision the page last knew. A ping sent just before
 *    an autosave, but handled by the server after it, reports the autosave's revision as newer
 *    work by the same user, and Wagtail keeps that "conflict" for the rest of the page's life.
 *    Here a ping answer that names the editor's own autosaved revision, or arrives while an
 *    autosave is on its way, drops it (a real conflict is another revision, and the next ping,
 *    ten seconds later, reports it). Known upstream: wagtail/wagtail#13863 ("Avoid race condition
 *    between concurrent editing pings and autosave"), open as of Wagtail 8.0.1.
 * 2. Save draft or Publish clicked while an autosave is pending (its half-second wait, or on
 *    the wire) sends the form alongside it, and the server may store the autosave last: the
 *    reloaded page then sees a newer revision of its own. Here the click waits for the
 *    autosave to finish, then goes ahead.
 * 3. Once the form is on its way (Save draft, Publish or a workflow action), an autosave
 *    Wagtail starts later (its retry, 2 s after a network error, or a late edit event) would
 *    race the form the same way while the server answers it: it is cancelled (the form holds
 *    everything it would save). A page brought back from the back-forward cache autosaves
 *    again.
 */
(function () {
  "use strict";
  var ownRevisions = {};
  var pending = null; // a Promise while an autosave is pending
  var settlePending = null;
  var formSent = false;

  document.addEventListener("w-autosave:save", function (event) {
    if (formSent) {
      event.preventDefault(); // 3. Wagtail's autosave sends nothing when its event is cancelled
      return;
    }
    if (!pending) {
      pending = new Promise(function (resolve) {
        settlePending = resolve;
      });
    }
  });

  function settle(event) {
    var data = event.detail && event.detail.data;
    if (data && data.revision_id) {
      ownRevisions[String(data.revision_id)] = true;
    }
    var resolve = settlePending;
    pending = null;
    settlePending = null;
    if (resolve) {
      resolve();
    }
  }
  document.addEventListener("w-autosave:success", settle);
  document.addEventListener("w-autosave:error", settle);

  // 1. Before Wagtail's session controller reads the ping's answer (capture phase).
  document.addEventListener(
    "w-swap:json",
    function (event) {
      var data = event.detail && event.detail.data;
      if (!data || !Array.isArray(data.other_sessions) || !event.target.closest(".w-editing-sessions")) {
        return;
      }
      var others = data.other_sessions.filter(function (session) {
        return !(session.revision_id && (pending || ownRevisions[String(session.revision_id)]));
      });
      if (others.length !== data.other_sessions.length) {
        data.other_sessions = others;
        var list = document.getElementById("w-editing-sessions");
        if (list) {
          data.html = list.innerHTML; // keep showing what was shown; the next ping redraws it
        }
      }
    },
    true
  );

  // 2. Before Wagtail's own click handlers on the form's buttons (capture phase).
  document.addEventListener(
    "click",
    function (event) {
      if (!pending) {
        return;
      }
      var button = event.target.closest("[data-edit-form] button[type=submit]");
      if (!button) {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      pending.then(function () {
        window.setTimeout(function () {
          button.click();
        }, 0);
      });
    },
    true
  );

  // 3. On the window, in the bubble phase: after every handler that might stop the submit.
  window.addEventListener("submit", function (event) {
    if (!event.defaultPrevented && event.target.matches("[data-edit-form]")) {
      formSent = true;
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      formSent = false;
    }
  });
})();
