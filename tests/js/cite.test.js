// docs/assets/js/cite.js: an item's citation made from its plan's, read by hand.
const test = require("node:test");
const assert = require("node:assert/strict");
const { title, swap, item } = require("../../docs/assets/js/cite.js");

// a plan block's dataset, as generator/site/cite.py writes data-cite-*
const PLAN = {
  citeKey: "eduplans-qingdao-2024",
  citeTitle: "2024年全市教育工作要点",
  citeUrl: "https://example.org/plans/qingdao-2024/",
  citeItemKey: "eduplans-qingdao-2024-",
  citeItemTitle: "2024年全市教育工作要点：",
  citeItemUrl: "https://example.org/plans/qingdao-2024/#",
};

test("an item's key, title and URL are its plan's item forms with its anchor and label", () => {
  assert.deepEqual(item(PLAN, "22", "22. 巩固扩大“双减”成果", {}), {
    citeKey: "eduplans-qingdao-2024-22",
    citeTitle: "2024年全市教育工作要点：22. 巩固扩大“双减”成果",
    citeTitleBibtex: undefined,
    citeTitleJson: undefined,
    citeUrl: "https://example.org/plans/qingdao-2024/#22",
  });
});

test("a format's title is the escaped one where the block gives it, else the plain one", () => {
  const cited = item(PLAN, "1", '1. "A_B" 50%', {
    citeTitleBibtex: '要点：1. "A\\_B" 50\\%',
    citeTitleJson: '要点：1. \\"A_B\\" 50%',
  });
  assert.equal(title(cited, "gbt"), '2024年全市教育工作要点：1. "A_B" 50%');
  assert.equal(title(cited, "bibtex"), '要点：1. "A\\_B" 50\\%');
  assert.equal(title(cited, "csl"), '要点：1. \\"A_B\\" 50%');
  assert.equal(title(PLAN, "bibtex"), "2024年全市教育工作要点");
});

test("the plan's GB/T 7714 becomes the item's: key, title and URL replaced, the rest kept", () => {
  const gbt =
    "中共青岛市委教育工作委员会, 青岛市教育局. 2024年全市教育工作要点[EB/OL]. (2024-02-02)[[访问日期]]. https://example.org/plans/qingdao-2024/.";
  const cited = item(PLAN, "22", "22. 巩固扩大“双减”成果", {});
  assert.equal(
    swap(gbt, "gbt", PLAN, cited),
    "中共青岛市委教育工作委员会, 青岛市教育局. 2024年全市教育工作要点：22. 巩固扩大“双减”成果[EB/OL]. (2024-02-02)[[访问日期]]. https://example.org/plans/qingdao-2024/#22.",
  );
});

test("the plan's BibTeX becomes the item's with the item's escaped title", () => {
  const bibtex =
    "@misc{eduplans-qingdao-2024,\n title = {2024年全市教育工作要点},\n url = {https://example.org/plans/qingdao-2024/}\n}";
  const cited = item(PLAN, "1", "1. A_B", { citeTitleBibtex: "2024年全市教育工作要点：1. A\\_B" });
  assert.equal(
    swap(bibtex, "bibtex", PLAN, cited),
    "@misc{eduplans-qingdao-2024-1,\n title = {2024年全市教育工作要点：1. A\\_B},\n url = {https://example.org/plans/qingdao-2024/#1}\n}",
  );
});
