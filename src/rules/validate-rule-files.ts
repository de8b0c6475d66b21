import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../rules/schema.json';
import { type RuleFile, type RuleFileKind, ruleFileKind } from './rule-files';

/**
 * Checks rules files against rules/schema.json and says what is wrong in plain words, naming the file
 * and, where it can, the rule. Build-time and test-time only (ajv generates code, so it never ships).
 */

let validators: Record<RuleFileKind, ValidateFunction> | undefined;

function validatorFor(kind: RuleFileKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(schema, 'rules');
    validators = {
      question: ajv.compile({ $ref: 'rules#/definitions/question' }),
      vocabulary: ajv.compile({ $ref: 'rules#/definitions/vocabulary' }),
      lexipol: ajv.compile({ $ref: 'rules#/definitions/lexipol' }),
    };
  }
  return validators[kind];
}

/** "rules[3].examples.match" → "rule q2-red-x (the 4th rule), examples.match" when the rule has an id. */
function where(data: unknown, path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'rules' && parts[1] !== undefined) {
    const index = Number(parts[1]);
    const rules = (data as { rules?: unknown[] }).rules;
    const id = (rules?.[index] as { id?: unknown } | undefined)?.id;
    const rule = typeof id === 'string' ? `rule ${id}` : `rule number ${index + 1}`;
    const rest = parts.slice(2).join('.');
    return rest ? `${rule}, ${rest}` : rule;
  }
  return parts.length === 0 ? 'the file' : parts.join('.');
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `is missing "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `has an unknown field "${String(p.additionalProperty)}" (misspelt?)`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'minItems':
      return `needs at least ${String(p.limit)} entries`;
    case 'pattern':
      return `has a badly formed value (expected ${String(p.pattern)})`;
    case 'anyOf':
      return error.instancePath.includes('/sentence')
        ? 'must be prohibiting, discouraging, permitting, neutral or any, or a list of these'
        : 'must be a word or phrase';
    case 'type':
      return `must be ${String(p.type)}`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** Plain-language problems of one file; empty when it matches the schema. */
export function validateRuleFile(file: RuleFile): string[] {
  const kind = ruleFileKind(file.name);
  if (!kind) {
    return [
      `${file.name}: unexpected file name (question files are named q1-....yaml to q7-....yaml; the others are vocabulary.yaml and lexipol.yaml)`,
    ];
  }
  const validate = validatorFor(kind);
  if (validate(file.data)) return [];
  const errors = validate.errors ?? [];
  // anyOf failures repeat each branch's complaint; the anyOf one alone says enough.
  const shown = errors.filter(
    (e) => !errors.some((o) => o !== e && o.keyword === 'anyOf' && e.instancePath === o.instancePath),
  );
  const messages = shown.map((e) => `${file.name}: ${where(file.data, e.instancePath)} ${describe(e)}`);
  return [...new Set(messages)];
}
