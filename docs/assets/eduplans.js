/* eduplans page script (generator/site/cite.py): citations.
   - An item's GB/T 7714, BibTeX and CSL-JSON are its plan's with the item's key, title
     and URL in place of the plan's (data-cite-* on each block; a title as BibTeX or JSON
     escape it only where it differs); the item's block is shown once it is written.
   - A citation's access date is the reader's own date, in place of the placeholder.
   Runs on every page view, including Material's instant navigation. */
(function () {
  var PLACEHOLDER = "[访问日期]";
  function today() {
    var d = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  var LABELS = {gbt: "GB/T 7714", bibtex: "BibTeX", csl: "CSL-JSON"};
  function title(block, format) {  /* the title as this format escapes it */
    var escaped = {bibtex: block.dataset.citeTitleBibtex, csl: block.dataset.citeTitleJson}[format];
    return escaped === undefined ? block.dataset.citeTitle : escaped;
  }
  function swap(text, format, from, to) {
    return text.split(from.dataset.citeKey).join(to.dataset.citeKey)
      .split(title(from, format)).join(title(to, format))
      .split(from.dataset.citeUrl).join(to.dataset.citeUrl);
  }
  function items() {
    var plan = document.querySelector("details.cite-plan");
    if (!plan) return;
    document.querySelectorAll("details.cite-item").forEach(function (item) {
      if (item.querySelector("[data-cite]")) return;
      plan.querySelectorAll("pre[data-cite]").forEach(function (pre) {
        var label = document.createElement("p"), copy = document.createElement("pre");
        label.className = "cite-label";
        label.textContent = LABELS[pre.dataset.cite];
        copy.className = "cite-text";
        copy.dataset.cite = pre.dataset.cite;
        copy.textContent = swap(pre.textContent, pre.dataset.cite, plan, item);
        item.appendChild(label);
        item.appendChild(copy);
      });
      item.hidden = false;
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
