/* eduplans page script: a plan page's related items. Each item's closest items in other
 * plans, drawn from the page's data (generator/site/views/plan.py RelatedData) after the
 * item's text and targets, before its citation and theme chips: 14 KB of a plan page as
 * Markdown lists. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const decode = need("decode");
  const dom = need("dom");
  const SUMMARY = "其他计划中的相近条目";

  /** The page data ({plans: [{href, label}], columns, items: {anchor: [row]}}) → each
   * item's anchor and its links: [{anchor, links: [{href, title, note}]}]. */
  function entries(data) {
    return Object.entries(data.items).map(([anchor, rows]) => ({
      anchor,
      links: rows.map((row) => {
        const match = decode.named(row, data.columns);
        const plan = data.plans[match.plan];
        return {
          href: `${plan.href}#${match.anchor}`,
          title: match.title,
          note: `（${plan.label}，${match.score.toFixed(2)}）`,
        };
      }),
    }));
  }

  function draw(document) {
    const data = dom.data(document, ".related-data");
    if (!data) return;
    for (const { anchor, links } of entries(data)) {
      const heading = document.getElementById(anchor);
      let at = heading.nextElementSibling;
      while (!dom.ends(at) && !at.matches("p.chips, details.cite-item")) at = at.nextElementSibling;
      const block = document.createElement("details");
      block.className = "related";
      dom.add(block, "summary", SUMMARY);
      const list = dom.add(block, "ul");
      for (const link of links) {
        const li = dom.add(list, "li");
        dom.add(li, "a", link.title).href = link.href;
        li.append(link.note);
      }
      heading.parentNode.insertBefore(block, at);
    }
  }

  const api = { entries, draw };
  ns.related = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
