/* eduplans search: what the index files hold, decoded: postings (search.encode, as
 * search.postings_value stores them), item files (search.packed) and rows read by the
 * names meta.columns gives them. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  /** Ascending numbers from base64 LEB128 deltas. */
  function numbers(text) {
    const bytes = atob(text);
    const out = [];
    let number = -1;
    let delta = 0;
    let shift = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes.charCodeAt(i);
      delta += (b & 0x7f) * 2 ** shift;
      if (b & 0x80) {
        shift += 7;
      } else {
        number += delta + 1;
        out.push(number);
        delta = 0;
        shift = 0;
      }
    }
    return out;
  }

  /** A key's stored postings "<postings>[,<title ranks>]" → {items, titled}: titled are
   * the items among them whose title holds the key. */
  function postings(value) {
    const [list, ranks] = value.split(",");
    const items = numbers(list);
    return { items, titled: ranks ? numbers(ranks).map((rank) => items[rank]) : [] };
  }

  /** An item file: gzip-compressed JSON in base64 → Promise of its rows. */
  function inflate(base64) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const json = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(json).text().then(JSON.parse);
  }

  /** Column names → {name: position}: the one way a row is read. */
  function columns(names) {
    return Object.fromEntries(names.map((name, at) => [name, at]));
  }

  /** A row as an object keyed by its columns' names (a column past the row's end is absent). */
  function named(row, names) {
    const out = {};
    names.forEach((name, at) => {
      if (at < row.length) out[name] = row[at];
    });
    return out;
  }

  const api = { numbers, postings, inflate, columns, named };
  ns.decode = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
