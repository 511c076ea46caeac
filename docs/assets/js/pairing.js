/* 对标: the similarity of two plans' items, as generator/analysis/similarity.py's
 * pair_cosines computes it (a test holds the two sides equal on the alignment fixtures):
 * character bigrams within runs of Han characters, each weighted (1 + ln count) × idf,
 * where idf = ln((1 + n) / (1 + df)) + 1 counts the n items of the two plans alone,
 * rows L2-normalised, cosines rounded to 3 places. And the targets' "same indicator"
 * rule of generator/analysis/related.py (same_indicator). */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";
  const HAN_RUN = /[\u3400-\u9fff]+/g;

  function bigrams(text) {
    const grams = new Map();
    for (const run of text.match(HAN_RUN) || []) {
      for (let i = 0; i + 1 < run.length; i++) {
        const g = run.slice(i, i + 2);
        grams.set(g, (grams.get(g) || 0) + 1);
      }
    }
    return grams;
  }

  /* what an item is compared by: its title twice (a headline says what an item is about
   * more densely than its body), as analysis/related.py item_text */
  function itemText(item) {
    const title = [item.title, item.outline].filter(Boolean).join(" ");
    return [title, title, item.text].filter(Boolean).join(" ");
  }

  function round3(x) {
    return Math.round(x * 1000) / 1000;
  }

  function vectors(texts) {
    const counted = texts.map(bigrams);
    const df = new Map();
    for (const grams of counted) for (const g of grams.keys()) df.set(g, (df.get(g) || 0) + 1);
    const n = counted.length;
    return counted.map((grams) => {
      const vector = new Map();
      let norm = 0;
      for (const [g, k] of grams) {
        const v = (1 + Math.log(k)) * (Math.log((1 + n) / (1 + df.get(g))) + 1);
        vector.set(g, v);
        norm += v * v;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [g, v] of vector) vector.set(g, v / norm);
      return vector;
    });
  }

  function dot(a, b) {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let sum = 0;
    for (const [g, v] of small) {
      const w = large.get(g);
      if (w !== undefined) sum += v * w;
    }
    return sum;
  }

  /* cosines of every text of first with every text of second */
  function pairCosines(first, second) {
    const all = vectors(first.concat(second));
    const mine = all.slice(0, first.length),
      theirs = all.slice(first.length);
    return mine.map((a) => theirs.map((b) => round3(dot(a, b))));
  }

  /* for each item of a: its closest item of b (the first of equal scores), and the score */
  function closest(aItems, bItems) {
    if (!bItems.length) return aItems.map(() => ({ at: -1, score: 0 }));
    const cosines = pairCosines(aItems.map(itemText), bItems.map(itemText));
    return cosines.map((row) => {
      let at = 0;
      for (let k = 1; k < row.length; k++) if (row[k] > row[at]) at = k;
      return { at, score: row[at] };
    });
  }

  /* two texts on their own (idf from the pair), as similarity.score */
  function score(a, b) {
    const [va, vb] = [bigrams(a), bigrams(b)];
    const rare = Math.log(3 / 2) + 1;
    const weigh = (mine, other) => {
      const v = new Map();
      let norm = 0;
      for (const [g, k] of mine) {
        const w = (1 + Math.log(k)) * (other.has(g) ? 1 : rare);
        v.set(g, w);
        norm += w * w;
      }
      return { v, norm: Math.sqrt(norm) || 1 };
    };
    const [x, y] = [weigh(va, vb), weigh(vb, va)];
    let sum = 0;
    for (const [g, w] of x.v) if (y.v.has(g)) sum += (w / x.norm) * (y.v.get(g) / y.norm);
    return round3(sum);
  }

  /* 公办园 and 公办园在园幼儿占比 name one indicator, and so do close rewordings; a bare
   * rate (达标率) says too little to be matched by containment alone */
  function sameIndicator(a, b, minimum) {
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    if (long.includes(short) && Array.from(short).length >= 3 && !short.endsWith("率")) return true;
    return score(a, b) >= minimum;
  }

  const api = { bigrams, itemText, pairCosines, closest, score, sameIndicator };
  ns.pairing = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
