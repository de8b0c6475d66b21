/**
 * `npm run rules`: checks rules/*.yaml against rules/schema.json and against each other, runs every
 * example sentence, and writes src/generated/rules.json (the only form the extension and CLI read).
 *
 *   npm run rules            check, write the JSON, list failing examples (exit 1 only on broken files)
 *   npm run rules -- --check also fail when the JSON is out of date or an example fails (for CI)
 *   npm run rules -- --why "Officers may share records with ICE." [--rule q2-red-…]
 *                            show how the engine reads a sentence and why each rule did or did not fire
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRuleBook, ruleBookJson } from '../src/rules/read-rule-files';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = join(root, 'rules');
const outFile = join(root, 'src', 'generated', 'rules.json');
const checkOnly = process.argv.includes('--check');

const { book, errors } = buildRuleBook(rulesDir);
if (!book) {
  console.error(
    `The rules have ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was written:`,
  );
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}

const why = process.argv.indexOf('--why');
if (why >= 0) {
  const { explainText } = await import('../src/rules/explain-text');
  const rule = process.argv.indexOf('--rule');
  const text = process.argv[why + 1] ?? '';
  for (const line of explainText(book, text, rule >= 0 ? process.argv[rule + 1] : undefined))
    console.log(line);
  process.exit(0);
}

const json = ruleBookJson(book);
const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
let failed = false;
if (checkOnly) {
  if (current !== json) {
    console.error('src/generated/rules.json is out of date: run `npm run rules` and commit it.');
    failed = true;
  }
} else if (current !== json) {
  writeFileSync(outFile, json);
  console.log(`Wrote src/generated/rules.json (${book.rules.length} rules, version ${book.version}).`);
} else {
  console.log(
    `src/generated/rules.json is up to date (${book.rules.length} rules, version ${book.version}).`,
  );
}

// Loaded late: writing the JSON must not depend on the engine loading (it imports the JSON itself).
const { failingExamples } = await import('../src/rules/check-examples');
const failures = failingExamples(book);
if (failures.length > 0) {
  console.error(
    `${failures.length} example sentence${failures.length === 1 ? '' : 's'} do not behave as the rules say:`,
  );
  for (const f of failures) console.error(`  - ${f}`);
  if (checkOnly) failed = true;
} else {
  console.log('Every example sentence behaves as its rule says.');
}
process.exit(failed ? 1 : 0);
