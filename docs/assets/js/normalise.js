/* eduplans search: what is matched. The rules come from the index (meta.rules, written by
 * generator/site/search.py's browser_rules), never copied here: the marks dropped, the
 * word class and the fields' separator. Each character is normalised on its own (NFKC,
 * lower case), as search.search_form does: NFKC over a whole string would also compose
 * neighbours (ｶ + ﾞ → ガ). Indexes count UTF-16 units, as Python's do for the same text. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  /** meta.rules → {drop, word: RegExp, fields: string}. */
  function compile(rules) {
    return { drop: new RegExp(rules.drop, "u"), word: new RegExp(rules.word, "u"), fields: rules.fields };
  }

  /** The text as matched; with map, also where each UTF-16 unit of the result comes from:
   * from[i] and to[i] are the start and end of its source character in text. */
  function form(text, rules, map) {
    let out = "";
    const from = [];
    const to = [];
    let at = 0;
    for (const ch of text) {
      for (const c of ch.normalize("NFKC").toLowerCase()) {
        if (rules.drop.test(c)) continue;
        out += c;
        if (map)
          for (let k = 0; k < c.length; k++) {
            from.push(at);
            to.push(at + ch.length);
          }
      }
      at += ch.length;
    }
    return map ? { text: out, from, to } : out;
  }

  /** The t2s file (traditional and simplified characters alternating) → a Map. */
  function t2sTable(pairs) {
    const table = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) table.set(pairs[i], pairs[i + 1]);
    return table;
  }

  /** A query in simplified script, character by character. */
  function simplified(text, table) {
    return Array.from(text, (c) => table.get(c) || c).join("");
  }

  /** What is searched of an item besides title and text (search.other_fields). */
  function otherFields(item, rules) {
    return [item.outline, item.fields].filter(Boolean).join(rules.fields);
  }

  /** The text of an item a query is matched on, its fields apart (search.searched). */
  function searched(item, rules) {
    return [item.title, item.text, otherFields(item, rules)].join(rules.fields);
  }

  const api = { compile, form, t2sTable, simplified, otherFields, searched };
  ns.normalise = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
