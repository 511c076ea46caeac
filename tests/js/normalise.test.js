const test = require("node:test");
const assert = require("node:assert/strict");
const normalise = require("../../docs/assets/js/normalise.js");
const rules = normalise.compile(require("./rules.js"));

test("quote and bracket marks and spaces are dropped, other punctuation stays", () => {
  assert.equal(normalise.form("“双减”工作", rules), "双减工作");
  assert.equal(normalise.form("《中小学校管理办法》（试行）", rules), "中小学校管理办法试行");
  assert.equal(normalise.form("上，合", rules), "上,合"); // a comma splits a phrase: NFKC makes it ASCII
  assert.equal(normalise.form("a\u3000b\u200bc\td", rules), "abcd");
});

test("full-width letters and digits become ASCII lower case", () => {
  assert.equal(normalise.form("ＡＩ教育　９８％", rules), "ai教育98%");
  assert.equal(normalise.form("ＡＢＣ", rules), "abc");
});

test("each character is normalised alone: a half-width sound mark does not compose", () => {
  assert.equal(normalise.form("ｶﾞ", rules), "\u30ab\u3099"); // カ and the combining mark, not ガ
  assert.equal(normalise.form("①㎡", rules), "1m2");
});

test("characters beyond the BMP pass whole, and the map counts UTF-16 units", () => {
  assert.equal(normalise.form("𠀋𪚥", rules), "𠀋𪚥");
  assert.equal(normalise.form("𝐀𝐁", rules), "ab"); // mathematical bold letters
  const mapped = normalise.form("“𠀋Ａ”", rules, true);
  assert.equal(mapped.text, "𠀋a");
  assert.deepEqual(mapped.from, [1, 1, 3]);
  assert.deepEqual(mapped.to, [3, 3, 4]);
});

test("a rule read from meta is applied: a mark the index drops is dropped", () => {
  const more = normalise.compile({ ...require("./rules.js"), drop: "[\\u{3008}\\u{3009}]" });
  assert.equal(normalise.form("〈双减〉", more), "双减");
  assert.equal(normalise.form("〈双减〉", rules), "〈双减〉");
});

test("traditional characters become simplified one by one", () => {
  const table = normalise.t2sTable("雙双減减");
  assert.equal(normalise.simplified("雙減工作", table), "双减工作");
});

test("an item is searched on title, text and the other fields, apart", () => {
  const item = { title: "标题", text: "正文", outline: "（一）大纲", fields: "区教育局" };
  assert.equal(normalise.searched(item, rules), "标题|正文|（一）大纲|区教育局");
  assert.equal(
    normalise.searched({ title: "", text: "正文", outline: "", fields: "区教育局" }, rules),
    "|正文|区教育局",
  );
  assert.equal(normalise.otherFields({ outline: "", fields: "" }, rules), "");
});
