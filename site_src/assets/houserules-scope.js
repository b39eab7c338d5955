/* The globals Material for MkDocs' bundle expects before it runs: where the
   site's settings are kept in the browser's storage, and how keys are made.
   Kept in a file (not inline) so the pages' Content-Security-Policy can
   forbid inline scripts. */
(function () {
  "use strict";
  var scope = new URL(document.currentScript.dataset.scope || ".", location);
  window.__md_scope = scope;
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, ch) {
      return (hash << 5) - hash + ch.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      /* storage full or forbidden: the setting is simply not kept */
    }
  };
})();
