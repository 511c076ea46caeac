/* 对标: choosing a plan by typing (a datalist of every plan of the index, filled when the
 * field is first used). What a plan is called there, and how typed text finds a plan,
 * for the compare/ page (compare.js) and the field on each plan page (alignment.js draws
 * it), which opens compare/?a=<this plan>&b=<the plan picked>. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  /** The side-by-side page's query for two plans: ?a=<id>&b=<id> (urls.plans_query). */
  function query(a, b) {
    return `?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
  }

  /** id → what the fields call the plan: its label, with its id where two plans share one. */
  function names(plans) {
    const counted = new Map();
    for (const plan of plans) counted.set(plan.label, (counted.get(plan.label) || 0) + 1);
    return new Map(plans.map((p) => [p.id, counted.get(p.label) > 1 ? `${p.label}（${p.id}）` : p.label]));
  }

  /** typed text → the plan it names (by what the fields call it, or by its id), or undefined. */
  function finder(plans) {
    const named = names(plans);
    const byName = new Map(plans.map((plan) => [named.get(plan.id), plan]));
    const byId = new Map(plans.map((plan) => [plan.id, plan]));
    return (typed) => byId.get(typed.trim()) || byName.get(typed.trim());
  }

  function fill(list, plans) {
    const named = names(plans);
    for (const plan of plans) list.appendChild(document.createElement("option")).value = named.get(plan.id);
  }

  /** A plan page's field: the list is loaded on first use; a name is sent as the plan's id. */
  function attach(form) {
    const field = form.elements.b;
    let ready = null;
    const open = () => {
      ready ??= ns.index.open(form.dataset.index).then((index) => {
        fill(form.querySelector("datalist"), index.plans);
        return finder(index.plans);
      });
      return ready;
    };
    field.addEventListener("focus", open, { once: true });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      open().then((find) => {
        const plan = find(field.value);
        const b = plan ? plan.id : field.value.trim();
        location.href = form.action + query(form.elements.a.value, b);
      });
    });
  }

  const api = { query, names, finder, fill, attach };
  ns.planpick = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
