/* eduplans page script, on every page: each heading's ¶ link (written by Python-Markdown
 * they were 6 KB of every plan's page, mkdocs.yml toc; without script the anchors are the
 * same, only the ¶ is missing), a citation's access date as the reader's own, a link to
 * a closed block (a plan's citation or provenance, at its foot) opening it, and the one
 * place that runs every part (related.js, comparison.js, cite.js) on each page view,
 * including Material's instant navigation. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const dom = need("dom");
  const PERMALINK = "本处的永久链接";
  const PLACEHOLDER = "[访问日期]"; // generator/site/cite.py ACCESSED

  /** A date as the reader's calendar has it: 2026-12-07. */
  function day(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  /** A citation with the access date in place of the placeholder. */
  function dated(text, today) {
    return text.split(PLACEHOLDER).join(today);
  }

  function permalinks(document) {
    for (const heading of document.querySelectorAll(".md-typeset :is(h1, h2, h3, h4, h5, h6)[id]")) {
      if (heading.querySelector(".headerlink")) continue;
      const link = dom.add(heading, "a", "¶");
      link.className = "headerlink";
      link.href = `#${heading.id}`;
      link.title = PERMALINK;
    }
  }

  function dates(document) {
    const today = day(new Date());
    for (const el of document.querySelectorAll(".cite-text")) {
      if (el.textContent.includes(PLACEHOLDER)) el.textContent = dated(el.textContent, today);
    }
  }

  /** A link to a closed block (#cite, #provenance at a plan's foot) opens it. */
  function opened(document, location) {
    const el = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el && el.tagName === "DETAILS") el.open = true;
  }

  function run() {
    need("comparison").draw(document, location, history);
    need("alignment").draw(document);
    need("related").draw(document);
    permalinks(document);
    need("cite").draw(document);
    dates(document);
    opened(document, location);
  }

  if (typeof window === "object" && typeof document === "object") {
    window.addEventListener("hashchange", () => opened(document, location));
    if (window.document$?.subscribe) window.document$.subscribe(run);
    else document.addEventListener("DOMContentLoaded", run);
  }

  const api = { day, dated, run };
  ns.page = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
