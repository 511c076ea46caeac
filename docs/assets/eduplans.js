/* eduplans page script: permanent links, what is drawn from a page's data (related
   items, a comparison's lists and side by side), and citations (generator/site/cite.py).
   - Every heading with an anchor gets its ¶ link here, not in the page: written by
     Python-Markdown they were 6 KB of every plan's page (mkdocs.yml, toc). Without the
     script the anchors are the same; only the ¶ is missing.
   - A plan page draws each item's closest items in other plans from the page's data
     (generator/site/views/plan.py related_data): 14 KB of a plan page as Markdown lists.
   - A comparison page draws, from the page's data (generator/site/views/compare.py
     ComparisonData), each adjacent pair's carried and new items, and any two plans
     side by side theme by theme; ?vs=<id>--<id> chooses the two (the old pair pages
     lead here so).
   - An item's GB/T 7714, BibTeX and CSL-JSON are its plan's with the item's key, title
     and URL in place of the plan's: its heading's anchor and label in the forms the
     plan's block gives (data-cite-item-*; a title as BibTeX or JSON escape it on the
     item's block, which the page has only where that differs); the script adds the
     item's block before its theme chips and shows it once written.
   - A citation's access date is the reader's own date, in place of the placeholder.
   - A link to a closed block (a plan's citation or provenance, at its foot) opens it.
   Runs on every page view, including Material's instant navigation. */
(function () {
  var PLACEHOLDER = "[访问日期]";
  function today() {
    var d = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  var PERMALINK = "本处的永久链接";
  function permalinks() {
    document.querySelectorAll(".md-typeset :is(h1, h2, h3, h4, h5, h6)[id]").forEach(function (heading) {
      if (heading.querySelector(".headerlink")) return;
      var link = add(heading, "a", "¶");
      link.className = "headerlink";
      link.href = "#" + heading.id;
      link.title = PERMALINK;
    });
  }
  function add(parent, tag, text) {  /* a new element at the end of parent; text as text, never as markup */
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    parent.appendChild(el);
    return el;
  }
  var RELATED_SUMMARY = "其他计划中的相近条目";
  function related() {  /* each item's closest items in other plans, after its text and targets */
    var data = document.querySelector(".related-data");
    if (!data || data.dataset.drawn) return;
    data.dataset.drawn = "yes";
    var parsed = JSON.parse(data.textContent), plans = parsed[0];  /* [[href, label]], [[anchor, [[plan, anchor, title, score]]]] */
    parsed[1].forEach(function (entry) {
      var heading = document.getElementById(entry[0]), at = heading.nextElementSibling;
      while (!ends(at) && !at.matches("p.chips, details.cite-item")) at = at.nextElementSibling;
      var block = document.createElement("details"), list;
      block.className = "related";
      add(block, "summary", RELATED_SUMMARY);
      list = add(block, "ul");
      entry[1].forEach(function (match) {
        var plan = plans[match[0]], li = add(list, "li");
        add(li, "a", match[2]).href = plan[0] + "#" + match[1];
        li.appendChild(document.createTextNode("（" + plan[1] + "，" + match[3] + "）"));
      });
      heading.parentNode.insertBefore(block, at);
    });
  }
  var ALL_OF_THEME = ["主题“", "”的全部任务"], CARRIED = " ← ", CLOSEST = "：最接近的是 ", SCORE = ["（相似度 ", "）"];
  function comparison() {  /* data: [themes [id, name, href], plans [id, label, href, items [anchor, label, [theme numbers]]], pairs] */
    var data = document.querySelector(".comparison-data");
    if (!data || data.dataset.drawn) return;
    data.dataset.drawn = "yes";
    var parsed = JSON.parse(data.textContent);
    carried(parsed[1], parsed[2]);
    sideBySide(parsed[0], parsed[1]);
  }
  function itemLink(parent, plan, item, prefix) {  /* item: [anchor, label, …]; prefix: "2024年 " or "" */
    add(parent, "a", prefix + item[1]).href = plan[2] + "#" + item[0];
  }
  function carried(plans, pairs) {  /* pairs: [earlier, later, carried rows, new rows]; a row: [later item, closest earlier item or -1, similarity] */
    document.querySelectorAll("details.pair-group[data-pair]").forEach(function (group) {
      var pair = pairs[+group.dataset.pair], earlier = plans[pair[0]], later = plans[pair[1]];
      var isCarried = group.dataset.rows === "carried", list = add(group, "ul");
      (isCarried ? pair[2] : pair[3]).forEach(function (row) {
        var li = add(list, "li");
        itemLink(li, later, later[3][row[0]], later[1] + " ");
        if (row[1] < 0) return;
        li.appendChild(document.createTextNode(isCarried ? CARRIED : CLOSEST));
        itemLink(li, earlier, earlier[3][row[1]], earlier[1] + " ");
        li.appendChild(document.createTextNode(SCORE[0] + row[2] + SCORE[1]));
      });
    });
  }
  function sideBySide(themes, list) {
    var box = document.querySelector(".side-by-side"), plans = {};
    if (!box) return;
    var form = box.querySelector("form"), out = box.querySelector(".side-by-side-themes");
    list.forEach(function (plan) { plans[plan[0]] = plan; });
    var asked = (new URLSearchParams(location.search).get("vs") || "").split("--");
    if (asked.length === 2 && plans[asked[0]] && plans[asked[1]]) {
      form.earlier.value = asked[0];
      form.later.value = asked[1];
    }
    function cell(row, plan, item) {
      var td = add(row, "td");
      if (item) itemLink(td, plan, item, "");
    }
    function draw() {
      var left = plans[form.earlier.value], right = plans[form.later.value];
      out.textContent = "";
      themes.forEach(function (theme, n) {
        var of = function (plan) { return plan[3].filter(function (item) { return item[2].indexOf(n) >= 0; }); };
        var a = of(left), b = of(right);
        if (!a.length && !b.length) return;
        add(out, "h3", theme[1]);
        var table = add(out, "table"), head = add(add(table, "thead"), "tr"), body = add(table, "tbody");
        add(head, "th", left[1]);
        add(head, "th", right[1]);
        for (var k = 0; k < Math.max(a.length, b.length); k++) {
          var row = add(body, "tr");
          cell(row, left, a[k]);
          cell(row, right, b[k]);
        }
        add(add(out, "p"), "a", ALL_OF_THEME[0] + theme[1] + ALL_OF_THEME[1]).href = theme[2];
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () {
      draw();
      history.replaceState(null, "", "?vs=" + form.earlier.value + "--" + form.later.value + "#pairs");
    });
    draw();
  }
  var LABELS = {gbt: "GB/T 7714", bibtex: "BibTeX", csl: "CSL-JSON"}, ITEM_SUMMARY = "引用此条";
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
  function ends(el) {  /* where an item's own blocks end: the next heading, or the plan's closing */
    return !el || /^H[1-6]$/.test(el.tagName) || el.matches(".plan-closing, .plan-about, .print-footer");
  }
  function blockOf(heading) {  /* the item's citation block: the page's where its title needs escaping, else a new one */
    var at = heading.nextElementSibling;
    for (; !ends(at) && !at.matches("p.chips"); at = at.nextElementSibling) {
      if (at.matches("details.cite-item")) return at;
    }
    var block = document.createElement("details");
    block.className = "cite cite-item";
    heading.parentNode.insertBefore(block, at);  /* after the item's text, targets and related items; before its chips */
    return block;
  }
  function items() {
    var plan = document.querySelector("details.cite-plan");
    if (!plan) return;
    document.querySelectorAll(".md-typeset .item[id]").forEach(function (heading) {
      var block = blockOf(heading);
      if (block.querySelector("[data-cite]")) return;
      var summary = document.createElement("summary");
      summary.textContent = ITEM_SUMMARY;
      block.appendChild(summary);
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
  function opened() {  /* a link to a closed block (#cite, #provenance at a plan's foot) opens it */
    var el = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el && el.tagName === "DETAILS") el.open = true;
  }
  window.addEventListener("hashchange", opened);
  function run() { comparison(); related(); permalinks(); items(); dates(); opened(); }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else document.addEventListener("DOMContentLoaded", run);
})();
