/* eduplans search: which items match a query's terms and in what order. A term is
 * {form, keys}: a word of the query as matched (normalise.form) and its keys (keys.keysOf).
 * Pure functions: what they read is passed in. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const { form, otherFields, searched } = need("normalise");

  /** What a character at a term's edge must not continue: "digit", "letter" or "". */
  function edge(c) {
    if (c === undefined) return "";
    if (/[0-9]/.test(c)) return "digit";
    return /[a-z]/.test(c) ? "letter" : "";
  }

  /** Whether a term's occurrences need their edges checked (the index cannot tell 30所 from 130所). */
  function needsCheck(term) {
    return edge(term.form[0]) !== "" || edge(term.form[term.form.length - 1]) !== "";
  }

  /** Start positions of a term in a formed text, where it does not continue a longer
   * number or word (30所 is not in 130所, 5 is not in 94.5). */
  function occurrences(text, term) {
    const found = [];
    const first = edge(term.form[0]);
    const last = edge(term.form[term.form.length - 1]);
    for (let at = text.indexOf(term.form); at >= 0; at = text.indexOf(term.form, at + 1)) {
      const before = text[at - 1];
      const after = text[at + term.form.length];
      const clean =
        (!first || (edge(before) !== first && !(first === "digit" && before === "."))) &&
        (!last || edge(after) !== last);
      if (clean) found.push(at);
    }
    return found;
  }

  /** Start positions of a part in a text, edges not checked (a closest match's keys). */
  function plain(text, part) {
    const out = [];
    for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) out.push(at);
    return out;
  }

  /** Whether an item holds every term (the phrase verified on its text). */
  function holds(item, terms, rules) {
    const text = form(searched(item, rules), rules);
    return terms.every((t) => occurrences(text, t).length > 0);
  }

  /** How an item matches: terms in its title, occurrences in its text and other fields,
   * terms in the text's opening sentence; null when it does not hold every term. */
  function measure(item, terms, rules) {
    const title = form(item.title, rules);
    const text = form(item.text, rules);
    const other = form(otherFields(item, rules), rules);
    const lead = text.split("。")[0];
    const got = { title: 0, count: 0, lead: 0 };
    const all = terms.every((t) => {
      const inTitle = occurrences(title, t).length;
      const inText = occurrences(text, t).length;
      const inOther = occurrences(other, t).length;
      got.title += inTitle ? 1 : 0;
      got.count += inText + inOther;
      got.lead += occurrences(lead, t).length ? 1 : 0;
      return inTitle + inText + inOther > 0;
    });
    return all ? got : null;
  }

  /** Items (numbers) with their loaded rows, best match first: terms in the title, then
   * occurrences, then in the opening sentence, then newest (the lower number); those not
   * holding every term leave. */
  function byMeasure(numbers, items, terms, rules) {
    const rows = [];
    items.forEach((item, i) => {
      const got = measure(item, terms, rules);
      if (got) rows.push({ n: numbers[i], s: got });
    });
    rows.sort((a, b) => b.s.title - a.s.title || b.s.count - a.s.count || b.s.lead - a.s.lead || a.n - b.n);
    return rows.map((r) => r.n);
  }

  /** Items by how many of the terms their titles hold (titleSets: per term, a Set of the
   * items whose title holds it, or null when unknown), then newest. */
  function byTitle(items, titleSets) {
    const inTitle = new Map(items.map((n) => [n, titleSets.filter((s) => s?.has(n)).length]));
    return { items: items.slice().sort((a, b) => inTitle.get(b) - inTitle.get(a) || a - b), inTitle };
  }

  /** The closest matches: items holding at least half of the query's keys (a short query,
   * three keys or fewer, keeps its best even below half: 心里健康 shares only 健康 with
   * 心理健康), most first; among equals, those holding more of its characters, then newest. */
  function closest(keyCount, keyLists, charLists) {
    const score = new Map();
    const chars = new Map();
    for (const list of keyLists) for (const n of list) score.set(n, (score.get(n) || 0) + 1);
    for (const list of charLists) for (const n of list) if (score.has(n)) chars.set(n, (chars.get(n) || 0) + 1);
    let best = 0;
    for (const s of score.values()) best = Math.max(best, s);
    let least = Math.max(1, Math.ceil(keyCount / 2));
    if (keyCount <= 3) least = Math.min(least, best);
    const items = Array.from(score.keys()).filter((n) => score.get(n) >= least);
    return items.sort((a, b) => score.get(b) - score.get(a) || (chars.get(b) || 0) - (chars.get(a) || 0) || a - b);
  }

  const api = { edge, needsCheck, occurrences, plain, holds, measure, byMeasure, byTitle, closest };
  ns.ranking = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
