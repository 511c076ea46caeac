/* eduplans page script (generator/site/cite.py): citations.
   - An item's BibTeX and CSL-JSON are its plan's with the item's key, title and URL in
     place of the plan's; the GB/T 7714 line of every item is in the page itself.
   - A citation's access date is the reader's own date, in place of the placeholder.
   Runs on every page view, including Material's instant navigation. */
(function () {
  var PLACEHOLDER = "[访问日期]";
  function today() {
    var d = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function swap(text, format, from, to) {  /* the title as this format escapes it */
    var title = format === "csl" ? "citeTitleJson" : "citeTitleBibtex";
    return text.split(from.dataset.citeKey).join(to.dataset.citeKey)
      .split(from.dataset[title]).join(to.dataset[title])
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
        label.textContent = pre.dataset.cite === "csl" ? "CSL-JSON" : "BibTeX";
        copy.className = "cite-text";
        copy.dataset.cite = pre.dataset.cite;
        copy.textContent = swap(pre.textContent, pre.dataset.cite, plan, item);
        item.appendChild(label);
        item.appendChild(copy);
      });
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
