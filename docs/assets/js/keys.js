/* eduplans search: a formed text's keys and where they are stored (search.keys,
 * search.shard_of, search.own_file). */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  /** A query's keys: a run of word characters alone is its own key, else its pairs of
   * adjacent characters (the index holds both, so a lone character is found too). */
  function keysOf(formed, rules) {
    const found = [];
    let run = [];
    const flush = () => {
      if (run.length === 1) found.push(run[0]);
      for (let i = 0; i + 1 < run.length; i++) found.push(run[i] + run[i + 1]);
      run = [];
    };
    for (const c of formed) {
      if (rules.word.test(c)) run.push(c);
      else flush();
    }
    flush();
    return Array.from(new Set(found));
  }

  /** The shard a key is in: its code points hashed as search.shard_of. */
  function shardOf(key, shards) {
    let value = 0;
    for (const c of key) value = (Math.imul(value, 31) + c.codePointAt(0)) >>> 0;
    return value % shards;
  }

  /** The file of a frequent key's postings: 教育 → p/6559-80b2. */
  function ownFile(key) {
    return `p/${Array.from(key, (c) => c.codePointAt(0).toString(16)).join("-")}`;
  }

  const api = { keysOf, shardOf, ownFile };
  ns.keys = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
