// docs/assets/js/alignment.js: a plan page's 对标 lines and peers from hand-made page data.
const test = require("node:test");
const assert = require("node:assert/strict");
const { lines, peers, sideBySide } = require("../../docs/assets/js/alignment.js");

const COLUMNS = { up: ["plan", "anchor", "score"], down: ["plan", "anchor"], peers: ["plan", "themes", "matched"] };
const COUNTY = {
  plans: [
    { id: "jiacheng-2025", label: "甲城市", items: { 3: "3. 巩固双减成果" } },
    { id: "dingcheng-2025", label: "丁城市 2025", items: {} },
  ],
  columns: COLUMNS,
  up: { 2: [0, "3", 0.714] },
  superior: true,
  down: {},
  children: 0,
  peers: [[1, 0.68, 0.4]],
  url: "../{id}/",
  compare: "../../compare/",
  index: "../../search/",
  plan: "yixian-2025",
};

test("a county's item takes up the city's task, or is its own", () => {
  assert.deepEqual(lines(COUNTY, ["1", "2"]), [
    { anchor: "1", own: true, text: "本地自有任务", links: [] },
    {
      anchor: "2",
      own: false,
      text: "承接上级任务（相似度 0.71）：",
      links: [{ href: "../jiacheng-2025/#3", label: "甲城市 3. 巩固双减成果" }],
    },
  ]);
});

test("every item of a city's plan counts its child places taking it up, none included", () => {
  const city = {
    ...COUNTY,
    plans: [{ id: "yixian-2025", label: "乙县", items: {} }],
    up: {},
    superior: false,
    down: { 1: [[0, "1"]] },
    children: 2,
  };
  assert.deepEqual(
    lines(city, ["1", "5"]).map((l) => [l.anchor, l.text, l.links.map((k) => k.href)]),
    [
      ["1", "下辖 2 个地区中 1 个有对应任务：", ["../yixian-2025/#1"]],
      ["5", "下辖 2 个地区中 0 个有对应任务", []],
    ],
  );
});

test("a peer links its plan and the side-by-side view with both plans", () => {
  assert.deepEqual(peers(COUNTY), [
    {
      href: "../dingcheng-2025/",
      label: "丁城市 2025",
      why: "（主题相似度 0.68，对应任务 40%）",
      sideBySide: "../../compare/?a=yixian-2025&b=dingcheng-2025",
    },
  ]);
  assert.equal(sideBySide(COUNTY, "a b"), "../../compare/?a=yixian-2025&b=a%20b");
});
