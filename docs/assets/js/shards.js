/* eduplans search: a query's candidates from the index's keys. A key's value in its shard
 * (k/<n>) is its postings, or the number of items holding it when its postings have a file
 * of their own (p/…); the rarest postings are intersected. One store per index: it keeps
 * the postings decoded so far (and which of them are title hits). */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const keys = need("keys");
  const ranking = need("ranking");

  /** Two ascending lists' common numbers. */
  function intersect(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        out.push(a[i]);
        i++;
        j++;
      } else if (a[i] < b[j]) i++;
      else j++;
    }
    return out;
  }

  /** {key, value} → how costly its postings are: inline ones by their length, before
   * every key with a file of its own (by its count). */
  function rarity(x) {
    if (typeof x.value !== "string") return 1e9 + x.value;
    const cut = x.value.indexOf(",");
    return cut < 0 ? x.value.length : cut;
  }

  /** The keys worth loading: every inline one, and the two rarest with files of their own. */
  function pick(info) {
    const usable = info.filter((x) => x.value !== null).sort((a, b) => rarity(a) - rarity(b));
    const inline = usable.filter((x) => typeof x.value === "string");
    return inline.concat(usable.filter((x) => typeof x.value !== "string").slice(0, 2));
  }

  /** A store over an index: load(name) → Promise of a file's data; shards: meta.shards. */
  function store(load, shards) {
    const decoded = new Map();
    const value = (key) =>
      load(`k/${keys.shardOf(key, shards)}`).then((shard) => (Object.hasOwn(shard, key) ? shard[key] : null));
    function postings(key, stored) {
      if (decoded.has(key)) return Promise.resolve(decoded.get(key).items);
      const text = typeof stored === "string" ? Promise.resolve(stored) : load(keys.ownFile(key));
      return text.then((t) => {
        decoded.set(key, need("decode").postings(t)); // decode.js: in the every-page file, which runs after
        return decoded.get(key).items;
      });
    }
    /** The items whose title holds a key, if its postings are loaded; else null. */
    const titled = (key) => (decoded.has(key) ? decoded.get(key).titled : null);
    return { value, postings, titled };
  }

  /** The items holding every key of the terms (from the inline postings when there are
   * any, else the two rarest); complete when every key was intersected; info: each key's value. */
  function candidates(index, terms) {
    const wanted = Array.from(new Set(terms.flatMap((t) => t.keys)));
    return Promise.all(wanted.map(index.value)).then((values) => {
      const info = wanted.map((key, i) => ({ key, value: values[i] }));
      if (info.some((x) => x.value === null)) return { items: [], complete: true, info };
      info.sort((a, b) => rarity(a) - rarity(b));
      const inline = info.filter((x) => typeof x.value === "string");
      const use = inline.length ? inline : info.slice(0, 2);
      return Promise.all(use.map((x) => index.postings(x.key, x.value))).then((lists) => ({
        items: lists.reduce(intersect),
        complete: use.length === info.length,
        info,
      }));
    });
  }

  /** The closest matches when no item holds every term (ranking.closest): the items and
   * the keys they were scored on. rules: normalise.compile(meta.rules). */
  function closest(index, info, terms, rules) {
    const chars = Array.from(
      new Set(terms.flatMap((t) => Array.from(t.form).filter((c) => rules.word.test(c)))),
    ).filter((c) => !info.some((x) => x.key === c));
    return Promise.all(chars.map(index.value)).then((values) => {
      const singles = chars.map((key, i) => ({ key, value: values[i] }));
      // characters only break ties: the frequent ones (with files of their own) are not worth fetching
      const pairs = pick(info);
      const characters = pick(singles).filter((x) => typeof x.value === "string");
      return Promise.all(pairs.concat(characters).map((x) => index.postings(x.key, x.value))).then((lists) => ({
        items: ranking.closest(info.length, lists.slice(0, pairs.length), lists.slice(pairs.length)),
        keys: pairs.map((x) => x.key),
      }));
    });
  }

  /** Per term, the items whose title holds each of its pairs of characters whose postings
   * the query loaded (no file is fetched for this); null for a term without such pairs:
   * one character (titles are indexed by pairs only), or pairs too frequent to load. */
  function titleSets(index, terms) {
    return terms.map((t) => {
      const pairs = t.keys.filter((k) => Array.from(k).length === 2 && index.titled(k) !== null);
      return pairs.length ? new Set(pairs.map(index.titled).reduce(intersect)) : null;
    });
  }

  const api = { intersect, rarity, pick, store, candidates, closest, titleSets };
  ns.shards = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
