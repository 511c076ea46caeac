const test = require("node:test");
const assert = require("node:assert/strict");
const zlib = require("node:zlib");
const decode = require("../../docs/assets/js/decode.js");

test("postings are LEB128 deltas in base64 without padding", () => {
  // 0, 1, 5, 200, 100000: deltas 0 0 3 194 99799 → 00 00 03 c2 01 d7 8b 06
  assert.deepEqual(decode.numbers("AAADwgHXiwY"), [0, 1, 5, 200, 100000]);
  assert.deepEqual(decode.numbers("AwM"), [3, 7]);
  assert.deepEqual(decode.numbers(""), []);
});

test("numbers past 2^31 decode without overflow", () => {
  // one delta of 2^32: 80 80 80 80 10
  assert.deepEqual(decode.numbers(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x10]).toString("base64")), [4294967296]);
});

test("title ranks after a comma name which of the postings are title hits", () => {
  assert.deepEqual(decode.postings("AAADwgHXiwY,AQI"), { items: [0, 1, 5, 200, 100000], titled: [1, 100000] }); // ranks 1 and 4 (deltas 1 2)
  assert.deepEqual(decode.postings("AwM"), { items: [3, 7], titled: [] });
});

test("an item file is gzip-compressed JSON in base64", async () => {
  const rows = [["a1", "1.", "标题", "正文𠀋", "", "", [0], [["指标", "62", "%", 2025]], ""]];
  const packed = zlib.gzipSync(Buffer.from(JSON.stringify(rows))).toString("base64");
  assert.deepEqual(await decode.inflate(packed), rows);
});

test("rows are read by their columns' names", () => {
  assert.deepEqual(decode.columns(["locality", "year", "items"]), { locality: 0, year: 1, items: 2 });
  const names = ["locality", "year", "items", "suffix", "id"];
  assert.deepEqual(decode.named([3, 2024, 12, "-2024"], names), {
    locality: 3,
    year: 2024,
    items: 12,
    suffix: "-2024",
  });
  assert.deepEqual(decode.named([3, 2024, 12, "", "x-2024"], names).id, "x-2024");
});
