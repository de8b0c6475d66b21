import type { HitList } from './hit-list';
import { PartJoiner } from './part-joiner';
import { type PhrasePart, parsePhrase } from './phrase';
import { type CompiledTrie, compileTrie, edgeSlot } from './phrase-trie';
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
  private compiled: CompiledTrie | undefined;
  private joiner: PartJoiner | undefined;

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
    const trie = this.compiled ?? this.compileTrie();
    const joiner =
      this.joiner ??
      new PartJoiner({
        phrases: this.phrases,
        directGroups: this.directGroups,
        startsPhrases: this.startsPhrases,
        isLaterPart: this.isLaterPart,
      });
    this.joiner = joiner;
    const { rootChild, edgeNode, edgeSymbol, edgeChild, edgeShift, endFrom, endParts } = trie;
    const edgeMask = edgeNode.length - 1;
    // Symbols of every distinct word, once, in flat arrays (word id → symFrom[id]..symFrom[id + 1]):
    // the walk below then reads two integers per token and allocates nothing.
    const wordCount = words.lower.length;
    const symFrom = new Int32Array(wordCount + 1);
    let symList: Int32Array = new Int32Array(Math.max(64, wordCount >> 1));
    let symCount = 0;
    const capsOfWord = new Map<number, { exact: string; symbol: number }[]>();
    const hasCaps = new Uint8Array(wordCount);
    for (let id = 0; id < wordCount; id++) {
      symFrom[id] = symCount;
      const lower = words.lower[id]!;
      while (symCount + this.prefixSymbols.length + 1 > symList.length) symList = grow(symList);
      const stemSymbol = this.stemSymbols.get(stem(lower));
      if (stemSymbol !== undefined) symList[symCount++] = stemSymbol;
      for (const { prefix, symbol } of this.prefixSymbols)
        if (lower.startsWith(prefix)) symList[symCount++] = symbol;
      const caps = this.capsSymbols.get(lower);
      if (caps) {
        capsOfWord.set(id, caps);
        hasCaps[id] = 1;
      }
    }
    symFrom[wordCount] = symCount;
    const { ids } = words;
    const { start, end } = words.tokens;
    let tokenSymbols: Int32Array = new Int32Array(16);
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
        const id = ids[t]!;
        let symbols = symList;
        let sFrom = symFrom[id]!;
        let sTo = symFrom[id + 1]!;
        if (hasCaps[id] === 1) {
          // An exact capitalised word ("ICE", not "ice") is told apart from the text itself.
          const at = start[t]!;
          const length = end[t]! - at;
          const caps = capsOfWord.get(id)!;
          if (sTo - sFrom + caps.length > tokenSymbols.length)
            tokenSymbols = new Int32Array(2 * (sTo - sFrom + caps.length));
          let k = 0;
          for (let s = sFrom; s < sTo; s++) tokenSymbols[k++] = symList[s]!;
          for (const c of caps)
            if (c.exact.length === length && text.startsWith(c.exact, at)) tokenSymbols[k++] = c.symbol;
          symbols = tokenSymbols;
          sFrom = 0;
          sTo = k;
        }
        if (sFrom === sTo) {
          // Most words of a policy are in no phrase: every live position dies here.
          active = 0;
          continue;
        }
        let next = 0;
        activeNode[active] = 0;
        activeStart[active] = t;
        active++;
        for (let a = 0; a < active; a++) {
          const node = activeNode[a]!;
          for (let k = sFrom; k < sTo; k++) {
            const symbol = symbols[k]!;
            let child: number;
            if (node === 0) child = rootChild[symbol]!;
            else {
              child = -1;
              let slot = edgeSlot(node, symbol, edgeShift);
              for (;;) {
                const n = edgeNode[slot]!;
                if (n === -1) break;
                if (n === node && edgeSymbol[slot] === symbol) {
                  child = edgeChild[slot]!;
                  break;
                }
                slot = (slot + 1) & edgeMask;
              }
            }
            if (child < 0) continue;
            if (next === nextNode.length) {
              nextNode = grow(nextNode);
              nextStart = grow(nextStart);
            }
            nextNode[next] = child;
            nextStart[next] = activeStart[a]!;
            next++;
            const endTo = endFrom[child + 1]!;
            for (let e = endFrom[child]!; e < endTo; e++) {
              if (parts + 3 > partHit.length) partHit = grow(partHit);
              partHit[parts] = endParts[e]!;
              partHit[parts + 1] = activeStart[a]!;
              partHit[parts + 2] = t;
              parts += 3;
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
      if (parts > 0) joiner.join(partHit, parts, out);
    };
  }

  private compileTrie(): CompiledTrie {
    this.compiled = compileTrie(this.children, this.partsEnding, this.symbolCount);
    return this.compiled;
  }
}
