const test = require("node:test");
const assert = require("node:assert/strict");
const ranking = require("../../docs/assets/js/ranking.js");
const normalise = require("../../docs/assets/js/normalise.js");
const keys = require("../../docs/assets/js/keys.js");
const rules = normalise.compile(require("./rules.js"));

const term = (word) => ({ form: normalise.form(word, rules), keys: keys.keysOf(normalise.form(word, rules), rules) });
const item = (title, text, outline = "", fields = "") => ({ title, text, outline, fields });

test("a number with its unit does not match inside a longer number", () => {
  assert.deepEqual(ranking.occurrences("新建130所，改扩建30所", term("30所")), [10]); // not at 3
  assert.deepEqual(ranking.occurrences("占比94.5%", term("5%")), []); // a decimal point continues a number
  assert.deepEqual(ranking.occurrences("ai教育、ai", term("ai")), [0, 5]);
  assert.deepEqual(ranking.occurrences("email", term("ai")), []);
});

test("only terms with a digit or letter at an edge need their edges checked", () => {
  assert.equal(ranking.needsCheck(term("双减")), false);
  assert.equal(ranking.needsCheck(term("30所")), true);
  assert.equal(ranking.needsCheck(term("ＡＩ教育")), true); // full width: ai教育 once formed
});

test("a phrase is verified on the item's fields, never across two", () => {
  assert.equal(ranking.holds(item("", "推进“双减”工作"), [term("双减工作")], rules), true);
  assert.equal(ranking.holds(item("上", "合作"), [term("上合")], rules), false);
  assert.equal(ranking.holds(item("", "", "（一）深化双减", ""), [term("双减")], rules), true); // the outline is searched
  assert.equal(ranking.holds(item("", "双减", "", "区教育局"), [term("双减"), term("教育局")], rules), true);
});

test("a match is measured by title, count and the opening sentence", () => {
  assert.deepEqual(ranking.measure(item("双减", "双减。落实双减"), [term("双减")], rules), {
    title: 1,
    count: 2,
    lead: 1,
  });
  assert.equal(ranking.measure(item("双减", ""), [term("双减"), term("托育")], rules), null);
});

test("measured items: title hits first, then more occurrences, then the opening, then newest", () => {
  const items = [
    item("", "托育。托育"),
    item("托育", ""),
    item("", "服务。托育"),
    item("", "托育。服务"),
    item("", "无"),
  ];
  assert.deepEqual(ranking.byMeasure([10, 11, 12, 13, 14], items, [term("托育")], rules), [11, 10, 13, 12]);
});

test("items by the terms their titles hold, then newest", () => {
  const got = ranking.byTitle([5, 2, 9, 7], [new Set([9, 7]), new Set([7]), null]);
  assert.deepEqual(got.items, [7, 9, 2, 5]);
  assert.equal(got.inTitle.get(7), 2);
});

test("closest: at least half of the keys, most first, characters break ties", () => {
  // four keys: items need two; 3 holds three keys; 4 and 8 two each, 8 with more characters
  assert.deepEqual(ranking.closest(4, [[3, 4, 8, 9], [3, 4, 8], [3]], [[8]]), [3, 8, 4]);
  // a short query keeps its best even below half
  assert.deepEqual(ranking.closest(3, [[2, 6]], []), [2, 6]);
  assert.deepEqual(ranking.closest(5, [[2, 6]], []), []);
});
