/* eduplans page scripts: the things every drawing part does to the page (related.js,
 * comparison.js, cite.js, page.js, compare.js). */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  /** A new element at the end of parent; text as text, never as markup; cls: its class. */
  function add(parent, tag, text, cls) {
    const el = parent.ownerDocument.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (cls) el.className = cls;
    parent.appendChild(el);
    return el;
  }

  /** Where an item's own blocks end: the next heading, or the plan's closing. */
  function ends(el) {
    return !el || /^H[1-6]$/.test(el.tagName) || el.matches(".plan-closing, .plan-about, .print-footer");
  }

  /** The page's data for its script (<script type="application/json" class=…>), once:
   * null where the page has none or it is drawn already (Material's instant navigation
   * runs the parts again on every page view). */
  function data(document, selector) {
    const el = document.querySelector(selector);
    if (!el || el.dataset.drawn) return null;
    el.dataset.drawn = "yes";
    return JSON.parse(el.textContent);
  }

  const api = { add, ends, data };
  ns.dom = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
