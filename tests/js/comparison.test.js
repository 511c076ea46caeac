// docs/assets/js/comparison.js: a place's comparison data (views/compare.py ComparisonData) as
// the rows it draws, read by hand.
const test = require("node:test");
const assert = require("node:assert/strict");
const { items, pairRows, asked, themeTables } = require("../../docs/assets/js/comparison.js");

const DATA = {
  themes: [
    { id: "preschool", name: "学前教育", href: "../../themes/preschool/" },
    { id: "safety", name: "校园安全", href: "../../themes/safety/" },
  ],
  columns: { row: ["item", "closest", "score"], item: ["anchor", "label", "themes"] },
  plans: [
    {
      id: "qingdao-2024",
      label: "2024年",
      href: "../../plans/qingdao-2024/",
      items: [
        ["1", "1. 扩大学前教育资源", [0]],
        ["2", "2. 深化双减", []],
      ],
    },
    {
      id: "qingdao-2026",
      label: "2026年",
      href: "../../plans/qingdao-2026/",
      items: [
        ["a", "一、普惠学前教育", [0]],
        ["b", "二、校园安全", [1]],
        ["c", "三、学前教育教研", [0]],
      ],
    },
  ],
  pairs: [
    {
      earlier: 0,
      later: 1,
      carried: [[0, 0, "0.52"]],
      new: [
        [1, 1, "0.08"],
        [2, -1, ""],
      ],
    },
  ],
};

test("a plan's items are read by the columns' names, each with its link", () => {
  assert.deepEqual(items(DATA, DATA.plans[0], "2024年 "), [
    {
      anchor: "1",
      label: "1. 扩大学前教育资源",
      themes: [0],
      href: "../../plans/qingdao-2024/#1",
      text: "2024年 1. 扩大学前教育资源",
    },
    { anchor: "2", label: "2. 深化双减", themes: [], href: "../../plans/qingdao-2024/#2", text: "2024年 2. 深化双减" },
  ]);
});

test("a carried item links to the later plan's item and the earlier item it carries on", () => {
  const [row] = pairRows(DATA, 0, "carried");
  assert.equal(row.score, "0.52");
  assert.deepEqual([row.later.href, row.later.text], ["../../plans/qingdao-2026/#a", "2026年 一、普惠学前教育"]);
  assert.deepEqual([row.earlier.href, row.earlier.text], ["../../plans/qingdao-2024/#1", "2024年 1. 扩大学前教育资源"]);
});

test("a new item names its closest earlier item, or none (-1)", () => {
  const rows = pairRows(DATA, 0, "new");
  assert.deepEqual(
    rows.map((row) => [row.later.text, row.earlier?.text ?? null, row.score]),
    [
      ["2026年 二、校园安全", "2024年 2. 深化双减", "0.08"],
      ["2026年 三、学前教育教研", null, ""],
    ],
  );
});

test("?vs= chooses two of the page's plans, and nothing else", () => {
  assert.deepEqual(asked(DATA, "?vs=qingdao-2026--qingdao-2024"), ["qingdao-2026", "qingdao-2024"]);
  assert.equal(asked(DATA, "?vs=qingdao-2026--rongcheng-2024"), null);
  assert.equal(asked(DATA, "?vs=qingdao-2026"), null);
  assert.equal(asked(DATA, ""), null);
});

test("side by side: each theme either plan has items under, its items row by row", () => {
  const tables = themeTables(DATA, "qingdao-2024", "qingdao-2026");
  assert.deepEqual(
    tables.map((t) => [t.name, t.href, t.all, t.rows.map((row) => row.map((item) => item?.text ?? null))]),
    [
      [
        "学前教育",
        "../../themes/preschool/",
        "主题“学前教育”的全部任务",
        [
          ["1. 扩大学前教育资源", "一、普惠学前教育"],
          [null, "三、学前教育教研"],
        ],
      ],
      ["校园安全", "../../themes/safety/", "主题“校园安全”的全部任务", [[null, "二、校园安全"]]],
    ],
  );
  assert.equal(tables[0].rows[0][1].href, "../../plans/qingdao-2026/#a");
});

test("side by side: a theme neither plan has is left out", () => {
  const tables = themeTables(DATA, "qingdao-2024", "qingdao-2024");
  assert.deepEqual(
    tables.map((t) => t.name),
    ["学前教育"],
  );
});
