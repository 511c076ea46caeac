const test = require("node:test");
const assert = require("node:assert/strict");
const zlib = require("node:zlib");
const index = require("../../docs/assets/js/index.js");

// A meta as search.py writes it, by hand: two plans of three and two items, two items a file.
const ITEM = ["anchor", "label", "title", "text", "outline", "fields", "themes", "targets", "section"];
const META = {
  items: 5,
  chunk: 2,
  shards: 1,
  label: "{locality} {year}",
  columns: {
    item: ITEM,
    plan: ["locality", "year", "items", "suffix", "id"],
    locality: ["name", "aliases", "province", "level", "parent", "id"],
  },
  localities: [
    ["青岛市", ["青岛"], 0, 1, -1, "qingdao"],
    ["平度市", [], 0, 2, 0, "pingdu"],
  ],
  provinces: ["山东省"],
  levels: ["省级", "市级", "区县级"],
  plans: [
    [0, 2024, 3, "-2024"],
    [1, 2023, 2, "", "pd-2023"],
  ],
};
const row = (n) => [
  `a${n}`,
  `${n}.`,
  `标题${n}`,
  `正文${n}`,
  "",
  "",
  [],
  n === 3 ? [["公办园占比", "62", "%", 2025]] : [],
  "",
];
const pack = (rows) => zlib.gzipSync(Buffer.from(JSON.stringify(rows))).toString("base64");
const FILES = { "d/0": pack([row(0), row(1)]), "d/1": pack([row(2), row(3)]), "d/2": pack([row(4)]) };

test("plans are named rows in the items' order, each with its first item", () => {
  assert.deepEqual(index.plans(META), [
    {
      id: "qingdao-2024",
      label: "青岛市 2024",
      locality: "qingdao",
      localityAt: 0,
      year: 2024,
      items: 3,
      first: 0,
      at: 0,
    },
    { id: "pd-2023", label: "平度市 2023", locality: "pingdu", localityAt: 1, year: 2023, items: 2, first: 3, at: 1 },
  ]);
});

test("localities are named rows, province and level by name", () => {
  const [qingdao, pingdu] = index.localities(META);
  assert.deepEqual(qingdao, {
    name: "青岛市",
    aliases: ["青岛"],
    province: "山东省",
    level: "市级",
    parent: -1,
    id: "qingdao",
    at: 0,
  });
  assert.equal(pingdu.parent, 0);
});

test("a plan's items are objects keyed by column name, from the files that hold them", async () => {
  const loaded = [];
  const load = (name) => {
    loaded.push(name);
    return Promise.resolve(FILES[name]);
  };
  const ix = index.over(load, META);
  const items = await ix.planItems("pd-2023");
  assert.deepEqual(
    items.map((i) => i.anchor),
    ["a3", "a4"],
  );
  assert.deepEqual(items[0].targets, [["公办园占比", "62", "%", 2025]]);
  assert.equal(items[1].title, "标题4");
  assert.deepEqual(loaded, ["d/1", "d/2"]);
  assert.equal((await ix.planItems("qingdao-2024")).length, 3);
  await assert.rejects(ix.planItems("nowhere-2020"), /no plan nowhere-2020/);
});
