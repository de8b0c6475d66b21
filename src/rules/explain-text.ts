import { findFlags } from '../engine/find-flags';
import { matchDocument } from '../engine/match-document';
import { ruleEngine } from '../engine/rule-engine';
import type { RuleBook } from './rule-book';

/**
 * For rule authors: how the engine reads a piece of text. For each sentence or list item, the word
 * groups found in it, then each rule that fired and each that came close (all but one of its groups,
 * or all of them but stopped by sentence kind, `none` or `unless_near`), with the reason in plain words.
 * `npm run rules -- --why "text"` prints this; `--rule <id>` shows one rule on every sentence.
 */
export function explainText(book: RuleBook, text: string, onlyRule?: string): string[] {
  const engine = ruleEngine(book);
  const { matched, norm } = matchDocument(engine, { source: 'why', title: null, text });
  const { segments, tokens, hits, hitFrom, hitTo } = matched;
  const name = (group: number) => engine.matcher.groupNames[group] ?? String(group);
  const wordsOf = (first: number, last: number) => norm.text.slice(tokens.start[first], tokens.end[last]);

  const verdicts = new Map<number, string[]>();
  findFlags(engine, matched, (segment, rule, judgement) => {
    if (onlyRule !== undefined && rule.rule.id !== onlyRule) return;
    let line: string;
    if (judgement.fires) {
      line = `  ${rule.rule.flag.toUpperCase()} ${rule.rule.id} fires on "${wordsOf(judgement.first, judgement.last)}"`;
    } else {
      const missing = rule.all.filter((g) => !hitsGroup(g)).length;
      // Without a filter, only near misses are worth a reader's time.
      if (onlyRule === undefined && judgement.why === 'no word of this group' && missing > 1) return;
      const group = judgement.group === undefined ? '' : ` (${name(judgement.group)})`;
      line = `  no ${rule.rule.id}: ${judgement.why}${group}`;
    }
    const list = verdicts.get(segment) ?? [];
    list.push(line);
    verdicts.set(segment, list);

    function hitsGroup(g: number): boolean {
      for (let h = hitFrom[segment]!; h < hitTo[segment]!; h++) {
        if (engine.countsFor[hits.group[h]!]!.includes(g)) return true;
      }
      return false;
    }
  });

  const out: string[] = [];
  segments.forEach((seg, i) => {
    out.push(`${seg.kind} ${i + 1}: "${norm.text.slice(seg.start, seg.end)}"`);
    const found: string[] = [];
    for (let h = hitFrom[i]!; h < hitTo[i]!; h++) {
      const group = name(hits.group[h]!);
      // A rule's own groups ("q2-…/all/1") repeat the words; the vocabulary's names say more.
      if (group.includes('/')) continue;
      found.push(`${group} "${wordsOf(hits.first[h]!, hits.last[h]!)}"`);
    }
    out.push(`  words: ${found.length > 0 ? [...new Set(found)].join('; ') : '(none of the rules’ words)'}`);
    out.push(...(verdicts.get(i) ?? []));
  });
  return out;
}
