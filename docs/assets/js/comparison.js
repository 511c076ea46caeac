/* eduplans page script: a place's comparison, drawn from the page's data
 * (generator/site/views/comparison.py ComparisonData): each adjacent pair's carried and new
 * items, and any two plans side by side theme by theme; ?vs=<id>--<id> chooses the two
 * (the old pair pages lead here so). Without script the page says what would be listed. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const decode = need("decode");
  const dom = need("dom");
  const CARRIED = " ← ";
  const CLOSEST = "：最接近的是 ";
  const score = (value) => `（相似度 ${value}）`;
  const allOfTheme = (name) => `主题“${name}”的全部任务`;

  /** A plan's items as {anchor, label, themes}, each with its link ({href, label}); prefix: "2024年 " or "". */
  function items(data, plan, prefix) {
    return plan.items.map((row) => {
      const item = decode.named(row, data.columns.item);
      return { ...item, href: `${plan.href}#${item.anchor}`, text: prefix + item.label };
    });
  }

  /** A pair's carried or new rows (kind: "carried" | "new"): [{later, earlier, score}],
   * each item a link {href, text}; earlier is null where the earlier plan has none. */
  function pairRows(data, number, kind) {
    const pair = data.pairs[number];
    const [earlier, later] = [data.plans[pair.earlier], data.plans[pair.later]];
    const [before, after] = [items(data, earlier, `${earlier.label} `), items(data, later, `${later.label} `)];
    return pair[kind].map((values) => {
      const row = decode.named(values, data.columns.row);
      return { later: after[row.item], earlier: row.closest < 0 ? null : before[row.closest], score: row.score };
    });
  }

  /** The two plans ?vs=<id>--<id> asks for, or null where it names no two of the page's plans. */
  function asked(data, search) {
    const ids = (new URLSearchParams(search).get("vs") || "").split("--");
    const known = new Set(data.plans.map((plan) => plan.id));
    return ids.length === 2 && ids.every((id) => known.has(id)) ? ids : null;
  }

  /** Two plans side by side: for each theme either of them has items under, its name,
   * href and rows [left item or null, right item or null] (items as links {href, text}). */
  function themeTables(data, leftId, rightId) {
    const [left, right] = [leftId, rightId].map((id) => data.plans.find((plan) => plan.id === id));
    const [a, b] = [items(data, left, ""), items(data, right, "")];
    return data.themes.flatMap((theme, n) => {
      const [x, y] = [a, b].map((list) => list.filter((item) => item.themes.includes(n)));
      if (!x.length && !y.length) return [];
      const rows = Array.from({ length: Math.max(x.length, y.length) }, (_, k) => [x[k] || null, y[k] || null]);
      return [{ name: theme.name, href: theme.href, all: allOfTheme(theme.name), rows }];
    });
  }

  function link(parent, item) {
    dom.add(parent, "a", item.text).href = item.href;
  }

  function drawPairs(document, data) {
    for (const group of document.querySelectorAll("details.pair-group[data-pair]")) {
      const carried = group.dataset.rows === "carried";
      const list = dom.add(group, "ul");
      for (const row of pairRows(data, +group.dataset.pair, carried ? "carried" : "new")) {
        const li = dom.add(list, "li");
        link(li, row.later);
        if (!row.earlier) continue;
        li.append(carried ? CARRIED : CLOSEST);
        link(li, row.earlier);
        li.append(score(row.score));
      }
    }
  }

  function drawSideBySide(document, data, location, history) {
    const box = document.querySelector(".side-by-side");
    if (!box) return;
    const form = box.querySelector("form");
    const out = box.querySelector(".side-by-side-themes");
    const chosen = asked(data, location.search);
    if (chosen) [form.earlier.value, form.later.value] = chosen;
    const draw = () => {
      const labels = [form.earlier.value, form.later.value].map((id) => data.plans.find((p) => p.id === id).label);
      out.textContent = "";
      for (const theme of themeTables(data, form.earlier.value, form.later.value)) {
        dom.add(out, "h3", theme.name);
        const table = dom.add(out, "table");
        const head = dom.add(dom.add(table, "thead"), "tr");
        const body = dom.add(table, "tbody");
        for (const label of labels) dom.add(head, "th", label);
        for (const cells of theme.rows) {
          const tr = dom.add(body, "tr");
          for (const item of cells) {
            const td = dom.add(tr, "td");
            if (item) link(td, item);
          }
        }
        dom.add(dom.add(out, "p"), "a", theme.all).href = theme.href;
      }
    };
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("change", () => {
      draw();
      history.replaceState(null, "", `?vs=${form.earlier.value}--${form.later.value}#pairs`);
    });
    draw();
  }

  function draw(document, location, history) {
    const data = dom.data(document, ".comparison-data");
    if (!data) return;
    drawPairs(document, data);
    drawSideBySide(document, data, location, history);
  }

  const api = { items, pairRows, asked, themeTables, draw };
  ns.comparison = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
