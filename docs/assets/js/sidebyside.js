/* 对标: the model of two plans side by side (drawn by compare.js): each item of 甲 beside
 * its closest item of 乙 (pairing.js, the rule the plan pages' take-ups use), theme by
 * theme, the items only one of them has, and their targets on the same indicator. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const pairing = need("pairing");
  const UNTHEMED = "未归入主题";

  /* the model of the page, from two plans' items: {plan, items: [{anchor, label, title,
   * outline, text, themes: [theme numbers], targets: [[indicator, value, unit, year]]}]} */
  function compare(a, b, themes, rules) {
    const closest = pairing.closest(a.items, b.items);
    const matched = closest.map((c) => c.at >= 0 && c.score >= rules.takeupMin);
    const taken = new Set(closest.filter((_, k) => matched[k]).map((c) => c.at));
    const groups = themes.map((theme, n) => ({ theme: theme.name, of: (item) => item.themes.includes(n) }));
    groups.push({ theme: UNTHEMED, of: (item) => !item.themes.length });
    const sections = [];
    for (const group of groups) {
      const rows = [];
      a.items.forEach((item, k) => {
        if (!group.of(item)) return;
        const other = matched[k] ? b.items[closest[k].at] : null;
        rows.push({ a: item, b: other, score: closest[k].at >= 0 ? closest[k].score : null });
      });
      b.items.forEach((item, k) => {
        if (group.of(item) && !taken.has(k)) rows.push({ a: null, b: item, score: null });
      });
      if (rows.length) sections.push({ theme: group.theme, rows, counts: counts(rows) });
    }
    return {
      sections,
      matched: matched.filter(Boolean).length,
      onlyA: matched.length - matched.filter(Boolean).length,
      onlyB: b.items.length - taken.size,
      targets: sameIndicators(a, b, rules),
    };
  }

  function counts(rows) {
    return {
      a: rows.filter((r) => r.a).length,
      b: rows.filter((r) => r.b).length,
      both: rows.filter((r) => r.a && r.b).length,
    };
  }

  /* targets of the two plans on the same indicator (the rule of analysis/related.py
   * recurring_targets: same unit, and the same or a close name) */
  function sameIndicators(a, b, rules) {
    const groups = [];
    for (const [side, plan] of [
      ["a", a],
      ["b", b],
    ]) {
      for (const item of plan.items) {
        for (const [indicator, value, unit, year] of item.targets || []) {
          let group = groups.find(
            (g) => g.unit === unit && pairing.sameIndicator(g.indicator, indicator, rules.indicatorMin),
          );
          if (!group) {
            group = { indicator, unit, a: [], b: [] };
            groups.push(group);
          }
          group[side].push({ item, indicator, value, year });
        }
      }
    }
    return groups.filter((g) => g.a.length && g.b.length);
  }

  const api = { compare, sameIndicators, UNTHEMED };
  ns.sidebyside = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
