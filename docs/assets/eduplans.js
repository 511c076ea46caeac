/* eduplans page script (generator/site/cite.py): citations.
   - An item's GB/T 7714, BibTeX and CSL-JSON are its plan's with the item's key, title
     and URL in place of the plan's: its heading's anchor and label in the forms the
     plan's block gives (data-cite-item-*; a title as BibTeX or JSON escape it on the
     item's block, only where that differs); the item's block is shown once written.
   - A citation's access date is the reader's own date, in place of the placeholder.
   Runs on every page view, including Material's instant navigation. */
(function () {
  var PLACEHOLDER = "[访问日期]";
  function today() {
    var d = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  var LABELS = {gbt: "GB/T 7714", bibtex: "BibTeX", csl: "CSL-JSON"};
  function title(cite, format) {  /* the title as this format escapes it (cite: data-cite-*) */
    var escaped = {bibtex: cite.citeTitleBibtex, csl: cite.citeTitleJson}[format];
    return escaped === undefined ? cite.citeTitle : escaped;
  }
  function swap(text, format, from, to) {
    return text.split(from.citeKey).join(to.citeKey)
      .split(title(from, format)).join(title(to, format))
      .split(from.citeUrl).join(to.citeUrl);
  }
  function itemCite(plan, block) {  /* an item's key, title and URL: its heading's anchor and label in the plan's forms */
    var heading = block.previousElementSibling;
    while (!heading.classList.contains("item")) heading = heading.previousElementSibling;
    var label = heading.cloneNode(true);
    label.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return {citeKey: plan.citeItemKey + heading.id, citeTitle: plan.citeItemTitle + label.textContent,
            citeTitleBibtex: block.dataset.citeTitleBibtex, citeTitleJson: block.dataset.citeTitleJson,
            citeUrl: plan.citeItemUrl + heading.id};
  }
  function items() {
    var plan = document.querySelector("details.cite-plan");
    if (!plan) return;
    document.querySelectorAll("details.cite-item").forEach(function (block) {
      if (block.querySelector("[data-cite]")) return;
      var item = itemCite(plan.dataset, block);
      plan.querySelectorAll("pre[data-cite]").forEach(function (pre) {
        var label = document.createElement("p"), copy = document.createElement("pre");
        label.className = "cite-label";
        label.textContent = LABELS[pre.dataset.cite];
        copy.className = "cite-text";
        copy.dataset.cite = pre.dataset.cite;
        copy.textContent = swap(pre.textContent, pre.dataset.cite, plan.dataset, item);
        block.appendChild(label);
        block.appendChild(copy);
      });
      block.hidden = false;
    });
  }
  function dates() {
    var date = today();
    document.querySelectorAll(".cite-text").forEach(function (el) {
      if (el.textContent.indexOf(PLACEHOLDER) >= 0) el.textContent = el.textContent.split(PLACEHOLDER).join(date);
    });
  }
  function run() { items(); dates(); }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else document.addEventListener("DOMContentLoaded", run);
})();
