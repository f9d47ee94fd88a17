// Calculator input reading and output format, in Node.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const C = require(path.join(__dirname, "..", "..", "docs", "javascripts", "calculators.js"));

const spec = { min: 0, max: 1e9, default: 10 };

test("a comma groups thousands, and an ambiguous comma is refused", () => {
  assert.equal(C.readNumber("1,500", spec, {}).value, 1500);
  assert.equal(C.readNumber("12,345,678.5", spec, {}).value, 12345678.5);
  for (const bad of ["1,5", "1,50", "15,00,000", ",5", "1,5000"]) {
    assert.match(C.readNumber(bad, spec, {}).error, /Use a dot for decimals/, bad);
  }
  assert.equal(C.readNumber("1.5", spec, {}).value, 1.5);
});

test("bad numbers get a message, never a value", () => {
  assert.match(C.readNumber("", spec, {}).error, /Enter a value/);
  assert.match(C.readNumber("99.9.9", spec, {}).error, /Enter a number/);
  assert.match(C.readNumber("-1", spec, {}).error, /negative/);
  assert.match(C.readNumber("1e999", spec, {}).error, /too large/);
  assert.match(C.readNumber("2", { min: 3, max: 4 }, {}).error, /between 3 and 4/);
});

test("rounding down never crosses a threshold", () => {
  const nines = { digits: 4, rounding: "down" };
  assert.equal(C.formatOutput(99.98859, nines), "99.9885");
  assert.equal(C.formatOutput(99.999167, nines), "99.9991");
  assert.equal(C.formatOutput(99.99, nines), "99.99");
  assert.equal(C.formatOutput(100, nines), "100");
  assert.equal(C.formatOutput(2.345), "2.35");
});

test("availability from downtime is exact, and 60 min/year is below four nines", () => {
  const out = C.IMPL.availability.compute({ percent: 99.99, downtime_min: 60 }).out;
  assert.ok(out.availability < 99.99);
  assert.ok(Math.abs(out.per_year - 52.596) < 1e-9);
});
