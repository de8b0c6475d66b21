import type { HitList } from './hit-list';
import { MAX_GAP, type PhrasePart, parsePhrase } from './phrase';
import { stem } from './stem';
import type { Words } from './words';

/**
 * Every phrase of every word group (vocabulary, cues and rules' own groups) compiled into ONE trie over
 * word symbols, so a text is read once, word by word, whatever the number of rules. No regular
 * expression ever runs over the policy text, so nothing can backtrack.
 *
 * A word of the text may carry several symbols (its stem, a capitalised form, prefixes it starts with),
 * so the walk keeps a small set of live trie positions instead of one Aho–Corasick state; phrases are a
 * few words long and most words carry no symbol at all, so the set is almost always empty.
 * Phrases with "..." are split into parts; parts are found by the trie and joined afterwards, per
 * sentence, when they follow each other within MAX_GAP words.
 */

/** One occurrence of a group in the text: token indices, both inclusive. Scanning writes them to a HitList. */
export interface GroupHit {
  group: number;
  first: number;
  last: number;
}

interface PhraseDef {
  parts: number[];
  groups: number[];
}

interface PartUse {
  phrase: number;
  position: number;
}

const NO_SYMBOLS: readonly number[] = [];

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export class PhraseMatcher {
  readonly groupNames: string[] = [];
  private readonly groupIndex = new Map<string, number>();
  private readonly stemSymbols = new Map<string, number>();
  private readonly capsSymbols = new Map<string, { exact: string; symbol: number }[]>();
  private readonly prefixSymbols: { prefix: string; symbol: number }[] = [];
  private symbolCount = 0;
  /** Trie: children[node] maps a symbol to the next node; partsEnding[node] lists parts that end there. */
  private readonly children: Map<number, number>[] = [new Map()];
  private readonly partsEnding: number[][] = [[]];
  private readonly partIndex = new Map<string, number>();
  private readonly partUses: PartUse[][] = [];
  private readonly phrases: PhraseDef[] = [];
  /** Per part, worked out once after all phrases are in: groups of the one-part phrases that are
   * exactly this part, multi-part phrases it starts, and whether it is a later part of any phrase. */
  private readonly directGroups: Int32Array[] = [];
  private readonly startsPhrases: number[][] = [];
  private isLaterPart = new Uint8Array(0);
  private readonly phraseIndex = new Map<string, number>();

  /** Throws (naming the group and phrase) when a phrase cannot be parsed. */
  constructor(groups: Record<string, readonly string[]>) {
    for (const [name, phrases] of Object.entries(groups)) {
      const group = this.groupNames.length;
      this.groupNames.push(name);
      this.groupIndex.set(name, group);
      for (const phrase of phrases) {
        let parts: PhrasePart[];
        try {
          parts = parsePhrase(phrase);
        } catch (error) {
          throw new Error(`group ${name}: ${(error as Error).message}`);
        }
        this.addPhrase(parts, group);
      }
    }
    this.indexParts();
  }

  private indexParts(): void {
    this.isLaterPart = new Uint8Array(this.partUses.length);
    this.partUses.forEach((uses, part) => {
      const direct = new Set<number>();
      const starts: number[] = [];
      for (const use of uses) {
        const phrase = this.phrases[use.phrase]!;
        if (phrase.parts.length === 1) for (const g of phrase.groups) direct.add(g);
        else if (use.position === 0) starts.push(use.phrase);
        else this.isLaterPart[part] = 1;
      }
      this.directGroups[part] = Int32Array.from(direct);
      this.startsPhrases[part] = starts;
    });
  }

  groupId(name: string): number | undefined {
    return this.groupIndex.get(name);
  }

  private patternSymbol(pattern: PhrasePart[number]): number {
    switch (pattern.kind) {
      case 'stem': {
        let symbol = this.stemSymbols.get(pattern.value);
        if (symbol === undefined) {
          symbol = this.symbolCount++;
          this.stemSymbols.set(pattern.value, symbol);
        }
        return symbol;
      }
      case 'prefix': {
        const known = this.prefixSymbols.find((p) => p.prefix === pattern.value);
        if (known) return known.symbol;
        const symbol = this.symbolCount++;
        this.prefixSymbols.push({ prefix: pattern.value, symbol });
        return symbol;
      }
      case 'caps': {
        const lower = pattern.value.toLowerCase();
        const list = this.capsSymbols.get(lower) ?? [];
        this.capsSymbols.set(lower, list);
        const known = list.find((c) => c.exact === pattern.value);
        if (known) return known.symbol;
        const symbol = this.symbolCount++;
        list.push({ exact: pattern.value, symbol });
        return symbol;
      }
    }
  }

  private addPart(part: PhrasePart): number {
    const symbols = part.map((p) => this.patternSymbol(p));
    const key = symbols.join(' ');
    const known = this.partIndex.get(key);
    if (known !== undefined) return known;
    let node = 0;
    for (const symbol of symbols) {
      let next = this.children[node]!.get(symbol);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.partsEnding.push([]);
        this.children[node]!.set(symbol, next);
      }
      node = next;
    }
    const id = this.partUses.length;
    this.partUses.push([]);
    this.partsEnding[node]!.push(id);
    this.partIndex.set(key, id);
    return id;
  }

  private addPhrase(parts: PhrasePart[], group: number): void {
    const partIds = parts.map((p) => this.addPart(p));
    const key = partIds.join('...');
    let phrase = this.phraseIndex.get(key);
    if (phrase === undefined) {
      phrase = this.phrases.length;
      this.phrases.push({ parts: partIds, groups: [] });
      this.phraseIndex.set(key, phrase);
      partIds.forEach((part, position) => {
        this.partUses[part]!.push({ phrase: phrase!, position });
      });
    }
    const def = this.phrases[phrase]!;
    if (!def.groups.includes(group)) def.groups.push(group);
  }

  /** A scanner for one document: symbols are worked out once per distinct word of that document. */
  scanner(text: string, words: Words): (from: number, to: number, out: HitList) => void {
    const symbolsOfWord: (readonly number[] | undefined)[] = new Array(words.lower.length);
    const capsOfWord: ({ exact: string; symbol: number }[] | null | undefined)[] = new Array(
      words.lower.length,
    );
    const wordSymbols = (id: number): readonly number[] => {
      let symbols = symbolsOfWord[id];
      if (symbols !== undefined) return symbols;
      const lower = words.lower[id]!;
      const found: number[] = [];
      const stemSymbol = this.stemSymbols.get(stem(lower));
      if (stemSymbol !== undefined) found.push(stemSymbol);
      for (const { prefix, symbol } of this.prefixSymbols) if (lower.startsWith(prefix)) found.push(symbol);
      symbols = found.length === 0 ? NO_SYMBOLS : found;
      symbolsOfWord[id] = symbols;
      capsOfWord[id] = this.capsSymbols.get(lower) ?? null;
      return symbols;
    };
    const { start, end } = words.tokens;
    const tokenSymbols: number[] = [];
    // Live trie positions (node, first word) now and after the next word; swapped, never reallocated
    // per word. There can be no more live positions than the longest part has words times the
    // symbols a word carries, so the buffers rarely grow.
    let activeNode: Int32Array = new Int32Array(64);
    let activeStart: Int32Array = new Int32Array(64);
    let nextNode: Int32Array = new Int32Array(64);
    let nextStart: Int32Array = new Int32Array(64);
    let partHit: Int32Array = new Int32Array(256); // triples: part, first, last (reused between calls)

    return (from, to, out) => {
      let parts = 0;
      let active = 0;
      for (let t = from; t < to; t++) {
        const id = words.ids[t]!;
        let symbols = wordSymbols(id);
        const caps = capsOfWord[id];
        if (caps) {
          const raw = text.slice(start[t], end[t]);
          tokenSymbols.length = 0;
          for (const s of symbols) tokenSymbols.push(s);
          for (const c of caps) if (c.exact === raw) tokenSymbols.push(c.symbol);
          symbols = tokenSymbols;
        }
        let next = 0;
        if (symbols.length > 0) {
          activeNode[active] = 0;
          activeStart[active] = t;
          active++;
          for (let a = 0; a < active; a++) {
            const map = this.children[activeNode[a]!]!;
            for (let k = 0; k < symbols.length; k++) {
              const child = map.get(symbols[k]!);
              if (child === undefined) continue;
              if (next === nextNode.length) {
                nextNode = grow(nextNode);
                nextStart = grow(nextStart);
              }
              nextNode[next] = child;
              nextStart[next] = activeStart[a]!;
              next++;
              for (const part of this.partsEnding[child]!) {
                if (parts + 3 > partHit.length) partHit = grow(partHit);
                partHit[parts] = part;
                partHit[parts + 1] = activeStart[a]!;
                partHit[parts + 2] = t;
                parts += 3;
              }
            }
          }
        }
        const swapNode = activeNode;
        activeNode = nextNode;
        nextNode = swapNode;
        const swapStart = activeStart;
        activeStart = nextStart;
        nextStart = swapStart;
        active = next;
        if (active + 1 >= activeNode.length) {
          activeNode = grow(activeNode);
          activeStart = grow(activeStart);
        }
      }
      if (parts > 0) this.joinParts(partHit, parts, out);
    };
  }

  /** Turns part hits into group hits, joining the parts of "a ... b" phrases that follow within MAX_GAP words. */
  private joinParts(partHit: Int32Array, length: number, out: HitList): void {
    let laterParts: Map<number, number[]> | undefined; // part → [first, last, first, last, ...]
    let firstParts: number[] | undefined; // phrase, first, last
    for (let i = 0; i < length; i += 3) {
      const part = partHit[i]!;
      const first = partHit[i + 1]!;
      const last = partHit[i + 2]!;
      const direct = this.directGroups[part]!;
      for (let k = 0; k < direct.length; k++) out.push(direct[k]!, first, last);
      const starts = this.startsPhrases[part]!;
      if (starts.length > 0) {
        firstParts = firstParts ?? [];
        for (const phrase of starts) firstParts.push(phrase, first, last);
      }
      // Part hits come in order of their last word, so a later part seen before any first part
      // cannot complete a phrase: skipping it saves building lists for every "shall" of a manual.
      if (firstParts && this.isLaterPart[part] === 1) {
        laterParts = laterParts ?? new Map();
        const list = laterParts.get(part);
        if (list) list.push(first, last);
        else laterParts.set(part, [first, last]);
      }
    }
    if (!firstParts || !laterParts) return;
    for (let i = 0; i < firstParts.length; i += 3) {
      const phrase = this.phrases[firstParts[i]!]!;
      let last = firstParts[i + 2]!;
      let complete = true;
      for (let p = 1; p < phrase.parts.length && complete; p++) {
        const candidates = laterParts.get(phrase.parts[p]!) ?? [];
        // Candidates are in text order: the first one after `last` is the earliest, which leaves most
        // room for the rest; if it is too far, all others are too. Binary search keeps a hostile
        // "no shall no shall …" sentence from costing (first parts × later parts).
        let lo = 0;
        let hi = candidates.length >> 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (candidates[mid * 2]! > last) hi = mid;
          else lo = mid + 1;
        }
        const f = candidates[lo * 2];
        complete = f !== undefined && f - last - 1 <= MAX_GAP;
        if (complete) last = candidates[lo * 2 + 1]!;
      }
      if (complete) for (const group of phrase.groups) out.push(group, firstParts[i + 1]!, last);
    }
  }
}
