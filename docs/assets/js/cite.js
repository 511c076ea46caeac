/* eduplans page script: an item's citation (generator/site/cite.py writes the plan's).
 * An item's GB/T 7714, BibTeX and CSL-JSON are its plan's with the item's key, title and
 * URL in place of the plan's: its heading's anchor and label in the forms the plan's
 * block gives (data-cite-item-*; a title as BibTeX or JSON escape it on the item's block,
 * which the page has only where that differs). The item's block goes before its theme
 * chips and shows once written. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const dom = need("dom");
  const LABELS = { gbt: "GB/T 7714", bibtex: "BibTeX", csl: "CSL-JSON" };
  const SUMMARY = "引用此条";

  /** The title as this format escapes it (cite: a block's data-cite-*, as dataset names them). */
  function title(cite, format) {
    const escaped = { bibtex: cite.citeTitleBibtex, csl: cite.citeTitleJson }[format];
    return escaped === undefined ? cite.citeTitle : escaped;
  }

  /** A citation of one (from) made another's (to): its key, title and URL replaced. */
  function swap(text, format, from, to) {
    return text
      .split(from.citeKey)
      .join(to.citeKey)
      .split(title(from, format))
      .join(title(to, format))
      .split(from.citeUrl)
      .join(to.citeUrl);
  }

  /** An item's key, title and URL from its plan's (plan: the plan block's dataset), its
   * heading's anchor and label, and its own block's escaped titles (escapes: its dataset). */
  function item(plan, anchor, label, escapes) {
    return {
      citeKey: plan.citeItemKey + anchor,
      citeTitle: plan.citeItemTitle + label,
      citeTitleBibtex: escapes.citeTitleBibtex,
      citeTitleJson: escapes.citeTitleJson,
      citeUrl: plan.citeItemUrl + anchor,
    };
  }

  /** The item's citation block: the page's where its title needs escaping, else a new one
   * after the item's text, targets and related items, before its chips. */
  function blockOf(heading) {
    let at = heading.nextElementSibling;
    for (; !dom.ends(at) && !at.matches("p.chips"); at = at.nextElementSibling) {
      if (at.matches("details.cite-item")) return at;
    }
    const block = heading.ownerDocument.createElement("details");
    block.className = "cite cite-item";
    heading.parentNode.insertBefore(block, at);
    return block;
  }

  function labelOf(heading) {
    const label = heading.cloneNode(true);
    for (const link of label.querySelectorAll(".headerlink")) link.remove();
    return label.textContent;
  }

  function draw(document) {
    const plan = document.querySelector("details.cite-plan");
    if (!plan) return;
    for (const heading of document.querySelectorAll(".md-typeset .item[id]")) {
      const block = blockOf(heading);
      if (block.querySelector("[data-cite]")) continue;
      dom.add(block, "summary", SUMMARY);
      const cited = item(plan.dataset, heading.id, labelOf(heading), block.dataset);
      for (const pre of plan.querySelectorAll("pre[data-cite]")) {
        const format = pre.dataset.cite;
        dom.add(block, "p", LABELS[format]).className = "cite-label";
        const copy = dom.add(block, "pre", swap(pre.textContent, format, plan.dataset, cited));
        copy.className = "cite-text";
        copy.dataset.cite = format;
      }
      block.hidden = false;
    }
  }

  const api = { title, swap, item, draw };
  ns.cite = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
