const test = require("node:test");
const assert = require("node:assert/strict");
const shards = require("../../docs/assets/js/shards.js");
const normalise = require("../../docs/assets/js/normalise.js");
const keys = require("../../docs/assets/js/keys.js");
const rules = normalise.compile(require("./rules.js"));

// A tiny index, by hand, in two shards: 双减 in items 0 1 5 (1 titled), 工作 in 1 5 7,
// 教育 frequent (its postings in a file of its own: 3 items here).
const SHARDS = 2;
function files() {
  const shard = [{}, {}];
  const put = (key, value) => {
    shard[keys.shardOf(key, SHARDS)][key] = value;
  };
  put("双减", "AAAD,AQ"); // 0 1 5; title ranks 1 → item 1
  put("工作", "AQMB"); // 1 5 7
  put("教育", 3);
  put("双", "AAAD");
  put("减", "AAAD");
  return { "k/0": shard[0], "k/1": shard[1], [keys.ownFile("教育")]: "AAM" }; // 0 4
}
function store() {
  const loaded = [];
  const data = files();
  const load = (name) => {
    loaded.push(name);
    return name in data ? Promise.resolve(data[name]) : Promise.reject(new Error(name));
  };
  return { index: shards.store(load, SHARDS), loaded };
}
const term = (word) => ({ form: normalise.form(word, rules), keys: keys.keysOf(normalise.form(word, rules), rules) });

test("two ascending lists intersect", () => {
  assert.deepEqual(shards.intersect([1, 3, 5, 9], [0, 3, 4, 9, 12]), [3, 9]);
  assert.deepEqual(shards.intersect([], [1]), []);
});

test("inline postings are rarer than any key with a file of its own", () => {
  assert.ok(shards.rarity({ value: "AAAD,AQ" }) < shards.rarity({ value: "AAADAAAD" }));
  assert.equal(shards.rarity({ value: "AAAD,AQ" }), 4); // the postings, not the title ranks
  assert.ok(shards.rarity({ value: "A".repeat(5000) }) < shards.rarity({ value: 2 }));
});

test("the keys worth loading: every inline one and the two rarest own files", () => {
  const info = [
    { key: "a", value: 9 },
    { key: "b", value: "AAAA" },
    { key: "c", value: null },
    { key: "d", value: 4 },
    { key: "e", value: 7 },
  ];
  assert.deepEqual(
    shards.pick(info).map((x) => x.key),
    ["b", "d", "e"],
  );
});

test("a key's postings and title hits are read from its shard", async () => {
  const { index } = store();
  assert.equal(await index.value("双减"), "AAAD,AQ");
  assert.equal(await index.value("没有"), null);
  assert.equal(index.titled("双减"), null); // not loaded yet
  assert.deepEqual(await index.postings("双减", "AAAD,AQ"), [0, 1, 5]);
  assert.deepEqual(index.titled("双减"), [1]);
});

test("a frequent key's postings come from its own file, fetched once", async () => {
  const { index, loaded } = store();
  assert.deepEqual(await index.postings("教育", 3), [0, 4]);
  assert.deepEqual(await index.postings("教育", 3), [0, 4]);
  assert.deepEqual(loaded, ["p/6559-80b2"]);
});

test("candidates hold every key of every term", async () => {
  const { index } = store();
  const found = await shards.candidates(index, [term("双减"), term("工作")]);
  assert.deepEqual(found.items, [1, 5]);
  assert.equal(found.complete, true);
  assert.deepEqual((await shards.candidates(index, [term("双减没有")])).items, []);
});

test("a term of frequent keys only is found from their own files", async () => {
  const { index } = store();
  const found = await shards.candidates(index, [term("教育")]);
  assert.deepEqual(found.items, [0, 4]);
  assert.equal(found.complete, true);
});

test("title sets come from loaded postings only", async () => {
  const { index } = store();
  await shards.candidates(index, [term("双减"), term("工作")]);
  const sets = shards.titleSets(index, [term("双减"), term("工作"), term("园")]);
  assert.deepEqual([...sets[0]], [1]);
  assert.deepEqual([...sets[1]], []); // 工作 is in no title
  assert.equal(sets[2], null); // one character: titles are indexed by pairs
});

test("closest matches hold most of the keys", async () => {
  const { index } = store();
  const terms = [term("双减工作")];
  const found = await shards.candidates(index, terms);
  assert.deepEqual(found.items, []); // 减工 is in no item
  const near = await shards.closest(index, found.info, terms, rules);
  assert.deepEqual(near.items, [1, 5]); // 双减 and 工作 (two of three keys), newest first
  assert.deepEqual(near.keys.sort(), ["双减", "工作"]);
});
