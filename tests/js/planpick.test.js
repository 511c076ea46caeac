// docs/assets/js/planpick.js: what the fields call a plan, and the plan typed text names.
const test = require("node:test");
const assert = require("node:assert/strict");
const { names, finder } = require("../../docs/assets/js/planpick.js");

const PLANS = [
  { id: "qingdao-2019-ten-actions", label: "青岛市 2019" },
  { id: "qingdao-2019", label: "青岛市 2019" },
  { id: "rongcheng-2024", label: "荣成市 2024" },
];

test("a plan is called by its label, with its id where two plans share the label", () => {
  assert.deepEqual(
    [...names(PLANS).values()],
    ["青岛市 2019（qingdao-2019-ten-actions）", "青岛市 2019（qingdao-2019）", "荣成市 2024"],
  );
});

test("typed text names a plan by its name or its id, spaces around aside; anything else none", () => {
  const find = finder(PLANS);
  assert.equal(find(" 荣成市 2024 ").id, "rongcheng-2024");
  assert.equal(find("qingdao-2019").id, "qingdao-2019");
  assert.equal(find("青岛市 2019（qingdao-2019-ten-actions）").id, "qingdao-2019-ten-actions");
  assert.equal(find("青岛市 2019"), undefined); // two plans: the reader must say which
  assert.equal(find("荣成"), undefined);
});
