// docs/assets/js/page.js: the reader's access date, read by hand.
const test = require("node:test");
const assert = require("node:assert/strict");
const { day, dated } = require("../../docs/assets/js/page.js");

test("a date is written as the reader's calendar has it, zero-padded", () => {
  assert.equal(day(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(day(new Date(2026, 11, 31)), "2026-12-31");
});

test("every access-date placeholder of a citation becomes the date, nothing else changes", () => {
  assert.equal(
    dated("(2024-02-02)[[访问日期]]. url = {x}, urldate = {[访问日期]}", "2026-12-07"),
    "(2024-02-02)[2026-12-07]. url = {x}, urldate = {2026-12-07}",
  );
  assert.equal(dated("[访问]日期", "2026-12-07"), "[访问]日期");
});
