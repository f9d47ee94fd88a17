// ESLint for our plain browser scripts (no modules: the offline copy runs from file://) and the Node tests.
const js = require("@eslint/js");

const browser = ["window", "document", "location", "history", "localStorage", "setTimeout", "clearTimeout", "setInterval",
  "clearInterval", "Promise", "URLSearchParams", "FileReader", "Blob", "URL", "Event", "Node", "console"];
const node = ["require", "module", "process", "__dirname", "console"];
const asGlobals = (names) => Object.fromEntries(names.map((n) => [n, "readonly"]));

module.exports = [
  { ignores: ["docs/assets/vendor/**", "docs/javascripts/vendor/**", "site/**", "node_modules/**", ".venv/**", "tests/vendor/**"] },
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js"],
    languageOptions: { ecmaVersion: 2017, sourceType: "script", globals: { ...asGlobals(browser), ...asGlobals(node) } },
    rules: { "no-var": "off", "no-unused-vars": ["error", { caughtErrors: "none" }], strict: ["error", "function"], eqeqeq: ["error", "always"], "no-implicit-globals": "error" },
  },
  {
    files: ["tests/js/**/*.js", "tests/js/**/*.cjs", "scripts/**/*.cjs", "eslint.config.cjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: asGlobals(node) },
  },
];
