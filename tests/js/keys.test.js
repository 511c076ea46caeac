const test = require("node:test");
const assert = require("node:assert/strict");
const normalise = require("../../docs/assets/js/normalise.js");
const keys = require("../../docs/assets/js/keys.js");
const rules = normalise.compile(require("./rules.js"));

test("a query's keys are the pairs within runs of word characters", () => {
  assert.deepEqual(keys.keysOf("双减，30所", rules), ["双减", "30", "0所"]);
  assert.deepEqual(keys.keysOf("上合", rules), ["上合"]);
});

test("a run of one character is its own key", () => {
  assert.deepEqual(keys.keysOf("园", rules), ["园"]);
  assert.deepEqual(keys.keysOf("a、b", rules), ["a", "b"]);
  assert.deepEqual(keys.keysOf("|·—", rules), []);
});

test("keys are whole characters beyond the BMP", () => {
  assert.deepEqual(keys.keysOf("𠀋𪚥", rules), ["𠀋𪚥"]);
  assert.deepEqual(keys.keysOf("𠀋", rules), ["𠀋"]);
});

test("repeated pairs are one key", () => {
  assert.deepEqual(keys.keysOf("教育教育", rules), ["教育", "育教"]);
});

test("a key's shard hashes its code points (search.shard_of)", () => {
  assert.equal(keys.shardOf("a", 7), 6); // 97 % 7
  assert.equal(keys.shardOf("双减", 64), 3); // (0x53cc × 31 + 0x51cf) % 64 = 685955 % 64
  assert.equal(keys.shardOf("𠀋", 64), 11); // 0x2000b % 64: the code point, not its two UTF-16 units
  assert.equal(keys.shardOf("", 8), 0);
});

test("a frequent key's own file is named by its code points", () => {
  assert.equal(keys.ownFile("教育"), "p/6559-80b2");
  assert.equal(keys.ownFile("𠀋"), "p/2000b");
});
