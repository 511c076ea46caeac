/* eduplans search: results drawn as elements. Everything from the index reaches the page
 * as text nodes, never as markup. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const { form, otherFields } = need("normalise");
  const ranking = need("ranking");

  const SNIPPET = 60; // characters shown each side of a match

  function node(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  /** Text with [start, end) ranges marked. */
  function marked(parent, text, ranges) {
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) parent.appendChild(document.createTextNode(text.slice(at, start)));
      parent.appendChild(node("mark", "", text.slice(Math.max(start, at), end)));
      at = Math.max(at, end);
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  /** [start, end) ranges of the original text that match: the terms, or the closest match's keys. */
  function matchRanges(text, result, rules) {
    const formed = form(text, rules, true);
    const ranges = [];
    const terms = result.closest ? result.closest.map((k) => ({ form: k })) : result.query.terms;
    for (const t of terms) {
      const starts = result.closest ? ranking.plain(formed.text, t.form) : ranking.occurrences(formed.text, t);
      for (const start of starts) ranges.push([formed.from[start], formed.to[start + t.form.length - 1]]);
    }
    return ranges.sort((a, b) => a[0] - b[0]);
  }

  /** A hit's text: around the first match in its text or other fields; else the text's
   * opening; for an item printed with a title only, the section it is in; else its title. */
  function snippet(parent, item, result, rules) {
    const fields = [item.text, otherFields(item, rules)];
    for (let i = 0; i < fields.length; i++) {
      const ranges = matchRanges(fields[i], result, rules);
      if (!ranges.length) continue;
      const from = Math.max(0, ranges[0][0] - SNIPPET);
      const to = Math.min(fields[i].length, ranges[0][1] + SNIPPET);
      // the other fields (units, deadlines, task rows) are shown apart by a dot, one character for one
      const part = (i ? fields[i].split(rules.fields).join("·") : fields[i]).slice(from, to);
      const shifted = ranges.filter((r) => r[0] >= from && r[1] <= to).map((r) => [r[0] - from, r[1] - from]);
      if (from > 0) parent.appendChild(document.createTextNode("…"));
      marked(parent, part, shifted);
      if (to < fields[i].length) parent.appendChild(document.createTextNode("…"));
      return;
    }
    if (item.text) {
      const long = item.text.length > SNIPPET * 2;
      parent.appendChild(document.createTextNode(item.text.slice(0, SNIPPET * 2) + (long ? "…" : "")));
    } else if (item.section) {
      parent.appendChild(document.createTextNode(`所在部分：${item.section}`));
    } else {
      const title = item.title || item.label;
      marked(parent, title, matchRanges(title, result, rules));
    }
  }

  /** One hit: its plan's label and its heading, linked to the item on the plan's page. */
  function hit(item, plan, href, result, rules) {
    const li = node("li", "search-hit");
    const a = node("a", "search-hit-link");
    a.href = `${href}#${encodeURIComponent(item.anchor)}`;
    a.appendChild(node("span", "search-hit-where", plan.label));
    const heading = node("span", "search-hit-heading");
    marked(heading, item.label, matchRanges(item.label, result, rules));
    a.appendChild(heading);
    li.appendChild(a);
    const text = node("p", "search-hit-text");
    snippet(text, item, result, rules);
    li.appendChild(text);
    return li;
  }

  /** The line above the results. */
  function statusText(result, plans, newest) {
    const words = result.query.terms.map((t) => `“${t.form}”`).join("、");
    const total = result.items.length;
    if (result.empty) return "请输入要查找的词语。";
    if (!total) return `没有找到含有${words || "所选条件"}的任务。可以换一个词，或去掉筛选条件。`;
    if (result.closest) {
      return `没有任务含有完整的${words}。以下是最接近的 ${total} 条（含其中多数字词，${newest ? "按年份从新到旧" : "按相近程度"}排列）。`;
    }
    if (!result.checked) return `${words}：至多 ${total} 条任务，来自 ${plans} 份计划（边显示边逐条核对短语）。`;
    return `${words || "所选条件"}：${total} 条任务，来自 ${plans} 份计划。`;
  }

  const api = { node, marked, matchRanges, snippet, hit, statusText };
  ns.render = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
