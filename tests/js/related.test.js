// docs/assets/js/related.js: a plan page's data (views/plan.py RelatedData) as each item's links, read by hand.
const test = require("node:test");
const assert = require("node:assert/strict");
const { entries } = require("../../docs/assets/js/related.js");

const DATA = {
  plans: [
    { href: "../qingdao-2026/", label: "青岛市 2026" },
    { href: "../rongcheng-2024/", label: "荣成市 2024" },
  ],
  columns: ["plan", "anchor", "title", "score"],
  items: {
    3: [
      [1, "7", "深化双减改革", 0.41],
      [0, "12", "巩固扩大“双减”成果", 0.38],
    ],
    "s1-2": [[0, "1", "推进学前教育优质普惠发展", 0.3]],
  },
};

test("each item's matches become links to the other plans' items, in the page data's order, scores to two places", () => {
  assert.deepEqual(entries(DATA), [
    {
      anchor: "3",
      links: [
        { href: "../rongcheng-2024/#7", title: "深化双减改革", note: "（荣成市 2024，0.41）" },
        { href: "../qingdao-2026/#12", title: "巩固扩大“双减”成果", note: "（青岛市 2026，0.38）" },
      ],
    },
    {
      anchor: "s1-2",
      links: [{ href: "../qingdao-2026/#1", title: "推进学前教育优质普惠发展", note: "（青岛市 2026，0.30）" }],
    },
  ]);
});

test("a match is read by the columns' names, not their places", () => {
  const reordered = {
    plans: DATA.plans,
    columns: ["score", "title", "anchor", "plan"],
    items: { 5: [[0.5, "校园安全", "9", 0]] },
  };
  assert.deepEqual(entries(reordered), [
    { anchor: "5", links: [{ href: "../qingdao-2026/#9", title: "校园安全", note: "（青岛市 2026，0.50）" }] },
  ]);
});

test("a page whose items have no matches has nothing to draw", () => {
  assert.deepEqual(entries({ plans: [], columns: DATA.columns, items: {} }), []);
});
