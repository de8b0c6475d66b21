import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { type CompileOptions, compileRuleBook } from './compile-rule-book';
import type { RuleBook } from './rule-book';
import type { RuleFile } from './rule-files';
import { validateRuleFile } from './validate-rule-files';

/**
 * Node only (build script and tests): reads rules/*.yaml, checks them against the schema and compiles
 * them. Never imported by the extension, which reads the compiled src/generated/rules.json instead.
 */

export interface RuleBuild {
  book: RuleBook | null;
  /** Plain-language problems, each naming the file (and the rule when there is one). */
  errors: string[];
}

export function readRuleFiles(dir: string): { files: RuleFile[]; errors: string[] } {
  const files: RuleFile[] = [];
  const errors: string[] = [];
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
    .sort();
  for (const name of names) {
    const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = e.linePos?.[0];
        errors.push(
          `${name}${line ? `, line ${line.line}` : ''}: not valid YAML: ${e.message.split('\n')[0]}`,
        );
      }
      continue;
    }
    files.push({ name, data: doc.toJS() });
  }
  return { files, errors };
}

export function buildRuleBook(dir: string, options: CompileOptions = {}): RuleBuild {
  const { files, errors } = readRuleFiles(dir);
  const schemaErrors = files.flatMap(validateRuleFile);
  if (errors.length > 0 || schemaErrors.length > 0)
    return { book: null, errors: [...errors, ...schemaErrors] };
  return compileRuleBook(files, options);
}

/** Canonical text of the generated JSON, so the committed file can be compared byte for byte. */
export function ruleBookJson(book: RuleBook): string {
  return `${JSON.stringify(book, null, 2)}\n`;
}
