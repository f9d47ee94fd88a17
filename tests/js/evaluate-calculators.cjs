// Reads [{cfg, raw}] as JSON on stdin and prints the calculators' evaluate() result for each:
// the same function the calculator widget runs in the page.
const path = require("node:path");
const C = require(path.join(__dirname, "..", "..", "docs", "javascripts", "calculators.js"));
let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  process.stdout.write(JSON.stringify(cases.map((c) => C.evaluate(c.cfg, c.raw))));
});
