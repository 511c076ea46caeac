// docs/assets/js/pairing.js: expectations worked out by hand.
const test = require("node:test");
const assert = require("node:assert/strict");
const pairing = require("../../docs/assets/js/pairing.js");

test("bigrams stay within runs of Han characters", () => {
  assert.deepEqual(
    [...pairing.bigrams("双减工作，双减")],
    [
      ["双减", 2],
      ["减工", 1],
      ["工作", 1],
    ],
  );
  assert.deepEqual([...pairing.bigrams("新增30所")], [["新增", 1]]);
});

test("an item is compared by its title twice, then its text", () => {
  assert.equal(pairing.itemText({ title: "甲", outline: "", text: "乙" }), "甲 甲 乙");
  assert.equal(pairing.itemText({ title: "", outline: "丙", text: "乙" }), "丙 丙 乙");
  assert.equal(pairing.itemText({ title: "甲", outline: "丙", text: "" }), "甲 丙 甲 丙");
});

test("the same text scores 1, texts sharing no bigram 0", () => {
  assert.deepEqual(pairing.pairCosines(["深化双减改革", "校园安全"], ["深化双减改革"]), [[1], [0]]);
});

test("each item's closest is the first of equal scores; none without items", () => {
  const a = [{ title: "双减", text: "" }];
  const b = [
    { title: "安全", text: "" },
    { title: "双减", text: "" },
    { title: "双减", text: "" },
  ];
  assert.deepEqual(pairing.closest(a, b), [{ at: 1, score: 1 }]);
  assert.deepEqual(pairing.closest(a, []), [{ at: -1, score: 0 }]);
});

test("two texts on their own: shared bigrams weigh 1, the others ln 1.5 + 1", () => {
  // 达标率: 达标, 标率 (both shared); the long name: 12 bigrams, 10 its own.
  // 2 / (√2 × √(2 + 10 × 1.4055²)) = 0.303
  assert.equal(pairing.score("达标率", "国家学生体质健康标准达标率"), 0.303);
});

test("same indicator: containment of three characters or more, not of a bare rate", () => {
  assert.equal(pairing.sameIndicator("公办园", "公办园在园幼儿占比", 0.45), true);
  assert.equal(pairing.sameIndicator("达标率", "国家学生体质健康标准达标率", 0.45), false);
  assert.equal(pairing.sameIndicator("普惠", "普惠性幼儿园覆盖率", 0.45), false);
});
