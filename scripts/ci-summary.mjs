// Sums every suite of `npm test` into one closing line: "N passed, N failed".
// `npm test` runs its steps in order and stops at the first failure, so a
// step passed when the next one started. Type check and lint count as one
// check each; Vitest and Playwright count per test (from their JSON reports).
import fs from "node:fs";

const status = Number(process.argv[2] ?? 1);
const log = fs.existsSync(".ci-results/npm-test.log") ? fs.readFileSync(".ci-results/npm-test.log", "utf8") : "";
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

let passed = 0;
let failed = 0;
const steps = ["> tsc --noEmit", "> eslint", "> vitest run", "> playwright test"];
for (const [i, marker] of steps.slice(0, 2).entries()) {
  if (!log.includes(marker)) continue;
  if (log.includes(steps[i + 1])) passed++;
  else failed++;
}

const vitest = readJson(".ci-results/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  // A file that fails to load has no tests to count: count the file.
  if (!vitest.numFailedTests && vitest.numFailedTestSuites) failed += vitest.numFailedTestSuites;
}
const playwright = readJson(".ci-results/e2e.json");
if (playwright) {
  const s = playwright.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  if (!s.unexpected && (playwright.errors ?? []).length) failed += playwright.errors.length;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
