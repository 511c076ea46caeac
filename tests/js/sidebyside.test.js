// docs/assets/js/sidebyside.js: the side-by-side model of two small plans, read by hand.
const test = require("node:test");
const assert = require("node:assert/strict");
const { compare } = require("../../docs/assets/js/sidebyside.js");

const item = (anchor, title, themes, targets = []) => ({
  anchor,
  label: `${anchor}. ${title}`,
  title,
  outline: "",
  text: "",
  themes,
  targets,
});
const A = {
  items: [
    item("1", "扩大普惠性学前教育资源", [0], [["公办园在园幼儿占比", "60", "%", null]]),
    item("2", "深化双减改革", [1]),
    item("3", "校园安全", []),
  ],
};
const B = {
  items: [
    item(
      "1",
      "扩大普惠性学前教育资源供给",
      [0],
      [
        ["公办园在园幼儿占比", "65", "%", 2025],
        ["新增学位", "3000", "个", null],
      ],
    ),
    item("2", "建设人工智能教育示范校", [1]),
  ],
};
const THEMES = [{ name: "学前教育" }, { name: "双减" }];
const RULES = { takeupMin: 0.3, indicatorMin: 0.45 };

test("theme by theme: matched pairs, then 乙's items no item of 甲 matched; 甲's unthemed items last", () => {
  const model = compare(A, B, THEMES, RULES);
  const rows = model.sections.map((s) => [s.theme, s.rows.map((r) => [r.a?.anchor ?? null, r.b?.anchor ?? null])]);
  assert.deepEqual(rows, [
    ["学前教育", [["1", "1"]]],
    [
      "双减",
      [
        ["2", null],
        [null, "2"],
      ],
    ],
    ["未归入主题", [["3", null]]],
  ]);
  assert.deepEqual(model.sections[1].counts, { a: 1, b: 1, both: 0 });
  assert.deepEqual([model.matched, model.onlyA, model.onlyB], [1, 2, 1]);
  assert.ok(model.sections[0].rows[0].score >= 0.3);
});

test("below the threshold an item has no counterpart, whatever its closest", () => {
  const model = compare(A, B, THEMES, { takeupMin: 1.01, indicatorMin: 0.45 });
  assert.deepEqual([model.matched, model.onlyA, model.onlyB], [0, 3, 2]);
});

test("targets on the same indicator and unit side by side; an indicator of one plan only is left out", () => {
  const [group, ...rest] = compare(A, B, THEMES, RULES).targets;
  assert.equal(rest.length, 0);
  assert.equal(group.indicator, "公办园在园幼儿占比");
  assert.deepEqual([group.a.map((t) => t.value), group.b.map((t) => [t.value, t.year])], [["60"], [["65", 2025]]]);
});

test("a plan without items: every item of the other is its own", () => {
  const model = compare({ items: [] }, B, THEMES, RULES);
  assert.deepEqual([model.matched, model.onlyA, model.onlyB], [0, 0, 2]);
});
