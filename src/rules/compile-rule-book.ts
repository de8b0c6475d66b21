import { parsePhrase } from '../engine/phrase';
import type { QuestionId } from '../engine/report';
import {
  type CompiledRule,
  CUE_GROUPS,
  DEFAULT_NEAR,
  type QuestionInfo,
  type RuleBook,
  type SentenceKind,
} from './rule-book';
import {
  type GroupSource,
  type LexipolSource,
  type QuestionSource,
  type RuleFile,
  type RuleSource,
  ruleFileKind,
  type VocabularySource,
} from './rule-files';

/**
 * Rules files (already checked against rules/schema.json) → the compiled rule book, plus every
 * cross-reference problem the schema cannot see, in plain words naming the file and the rule:
 * unknown @groups, duplicate ids, ids of the wrong question, missing cue groups, phrases without words.
 */

const KINDS: readonly SentenceKind[] = ['prohibiting', 'discouraging', 'permitting', 'neutral'];

export interface CompileResult {
  book: RuleBook | null;
  errors: string[];
}

function phraseText(p: string | number): string {
  return typeof p === 'number' ? String(p) : p.trim();
}

/** Expands @references (vocabulary groups may use other groups too), reporting unknown names and loops. */
function expandGroup(
  source: GroupSource,
  vocabulary: Record<string, GroupSource>,
  complain: (message: string) => void,
  seen: readonly string[] = [],
): string[] {
  const out: string[] = [];
  for (const item of source) {
    const text = phraseText(item);
    if (!text.startsWith('@')) {
      out.push(text);
      continue;
    }
    const name = text.slice(1);
    const target = vocabulary[name];
    if (!target) {
      complain(`uses @${name}, which vocabulary.yaml does not define`);
    } else if (seen.includes(name)) {
      complain(`@${name} refers back to itself (${[...seen, name].join(' → ')})`);
    } else {
      out.push(...expandGroup(target, vocabulary, complain, [...seen, name]));
    }
  }
  return [...new Set(out)];
}

function sentenceKinds(sentence: RuleSource['sentence']): SentenceKind[] {
  const list = sentence === undefined ? ['any'] : Array.isArray(sentence) ? sentence : [sentence];
  if (list.includes('any')) return [];
  return KINDS.filter((k) => list.includes(k));
}

export interface CompileOptions {
  /** The real rule book must answer all seven questions; a test book may answer fewer. */
  allQuestions?: boolean;
}

export function compileRuleBook(files: readonly RuleFile[], options: CompileOptions = {}): CompileResult {
  const errors: string[] = [];
  const vocabularyFile = files.find((f) => ruleFileKind(f.name) === 'vocabulary');
  const lexipolFile = files.find((f) => ruleFileKind(f.name) === 'lexipol');
  const questionFiles = files.filter((f) => ruleFileKind(f.name) === 'question');
  if (!vocabularyFile) errors.push('vocabulary.yaml is missing');
  if (!lexipolFile) errors.push('lexipol.yaml is missing');
  const vocabulary = (vocabularyFile?.data as VocabularySource | undefined) ?? { version: '0', groups: {} };
  const lexipol = (lexipolFile?.data as LexipolSource | undefined) ?? { passages: [], markers: [] };

  const groups: Record<string, string[]> = {};
  for (const [name, source] of Object.entries(vocabulary.groups)) {
    groups[name] = expandGroup(
      source,
      vocabulary.groups,
      (m) => errors.push(`vocabulary.yaml: group ${name} ${m}`),
      [name],
    );
  }
  for (const cue of CUE_GROUPS) {
    if (!groups[cue]) errors.push(`vocabulary.yaml: the sentence cue group ${cue} is missing`);
  }

  const includes: Record<string, string[]> = {};
  const questions: QuestionInfo[] = [];
  const rules: CompiledRule[] = [];
  const ruleFileOf = new Map<string, string>();
  for (const file of questionFiles) {
    const q = file.data as QuestionSource;
    const fileNumber = Number(/^q(\d)/.exec(file.name)?.[1]);
    if (q.id !== fileNumber)
      errors.push(`${file.name}: id is ${q.id} but the file name says question ${fileNumber}`);
    if (questions.some((other) => other.id === q.id))
      errors.push(`${file.name}: question ${q.id} is defined twice`);
    const silenceIsRed = q.silence === 'red';
    if (silenceIsRed && !q.silence_explanation) {
      errors.push(
        `${file.name}: silence is red, so silence_explanation is needed (shown when the policy says nothing)`,
      );
    }
    questions.push({
      id: q.id as QuestionId,
      title: q.title.trim(),
      question: q.question.trim(),
      redCriteria: q.red_criteria.trim(),
      greenCriteria: q.green_criteria.trim(),
      modelLanguage: (q.model_language ?? []).map((m) => ({ source: m.source.trim(), text: m.text.trim() })),
      silenceIsRed,
      silenceExplanation: q.silence_explanation?.trim() ?? null,
    });
    for (const rule of q.rules) {
      const where = `${file.name}: rule ${rule.id}`;
      const complain = (m: string) => errors.push(`${where} ${m}`);
      if (!rule.id.startsWith(`q${q.id}-`))
        complain(`must start with q${q.id}- (it belongs to question ${q.id})`);
      const other = ruleFileOf.get(rule.id);
      if (other) complain(`has the same id as a rule in ${other}`);
      ruleFileOf.set(rule.id, file.name);
      // A group that is only "@name" reuses the vocabulary group; any other gets its own name.
      const compileGroups = (field: string, list: GroupSource[] | undefined): string[] =>
        (list ?? []).map((source, n) => {
          const only = source.length === 1 ? phraseText(source[0]!) : '';
          if (only.startsWith('@') && vocabulary.groups[only.slice(1)]) return only.slice(1);
          const name = `${rule.id}/${field}/${n + 1}`;
          // Words of its own become phrases; @groups are included by name, so a vocabulary phrase is
          // matched (and stored) once however many rules use its group.
          const own = source.map(phraseText).filter((p) => !p.startsWith('@'));
          const refs = [...new Set(source.map(phraseText).filter((p) => p.startsWith('@')))];
          groups[name] = [...new Set(own)];
          const known = refs.map((r) => r.slice(1)).filter((r) => vocabulary.groups[r]);
          for (const r of refs) {
            if (!vocabulary.groups[r.slice(1)]) complain(`uses ${r}, which vocabulary.yaml does not define`);
          }
          if (known.length > 0) includes[name] = known;
          return name;
        });
      rules.push({
        id: rule.id,
        question: q.id as QuestionId,
        flag: rule.flag,
        explanation: rule.explanation.trim().replace(/\s+/g, ' '),
        sentence: sentenceKinds(rule.sentence),
        all: compileGroups('all', rule.all),
        none: compileGroups('none', rule.none),
        unlessNear: compileGroups('unless_near', rule.unless_near),
        near: rule.near ?? DEFAULT_NEAR,
        overrides: rule.overrides ?? [],
        examples: { match: rule.examples.match, noMatch: rule.examples.no_match },
      });
    }
  }
  for (const rule of rules) {
    for (const target of rule.overrides) {
      const other = rules.find((r) => r.id === target);
      if (!other)
        errors.push(`${ruleFileOf.get(rule.id)}: rule ${rule.id} overrides ${target}, which does not exist`);
      else if (other.question !== rule.question) {
        errors.push(
          `${ruleFileOf.get(rule.id)}: rule ${rule.id} overrides ${target}, a rule of another question`,
        );
      }
    }
  }
  for (let id = 1; id <= 7 && options.allQuestions !== false; id++) {
    if (!questions.some((q) => q.id === id)) errors.push(`question ${id} has no file (q${id}-....yaml)`);
  }
  const passageIds = new Set<string>();
  for (const passage of lexipol.passages) {
    if (passageIds.has(passage.id)) errors.push(`lexipol.yaml: passage ${passage.id} is listed twice`);
    passageIds.add(passage.id);
  }

  // Every phrase must be something the matcher can find: this is the matcher's own parser.
  for (const [name, phrases] of Object.entries(groups)) {
    const owner = name.includes('/')
      ? `${ruleFileOf.get(name.split('/')[0]!)}: rule ${name.split('/')[0]}`
      : 'vocabulary.yaml';
    for (const phrase of phrases) {
      try {
        parsePhrase(phrase);
      } catch (error) {
        errors.push(`${owner}: ${(error as Error).message}`);
      }
    }
  }

  if (errors.length > 0) return { book: null, errors };
  questions.sort((a, b) => a.id - b.id);
  return {
    book: {
      version: vocabulary.version,
      questions,
      groups,
      includes,
      rules,
      lexipol: {
        entries: lexipol.passages.map((p) => ({
          id: p.id,
          label: p.label.trim(),
          text: p.text.trim().replace(/\s+/g, ' '),
        })),
        markers: lexipol.markers.map((m) => m.trim()),
      },
    },
    errors,
  };
}
