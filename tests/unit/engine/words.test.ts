// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/engine/tokenize';
import { internWords } from '../../../src/engine/words';

function intern(text: string) {
  return internWords(text, tokenize(text));
}

describe('internWords', () => {
  it('gives a word one id whatever its case', () => {
    const w = intern('Shall SHALL shall ICE ice Ice');
    expect([...w.ids]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(w.lower).toEqual(['shall', 'ice']);
  });

  it('handles words beyond ASCII', () => {
    const w = intern('Inmigración inmigración INMIGRACIÓN status');
    expect([...w.ids]).toEqual([0, 0, 0, 1]);
    expect(w.lower[0]).toBe('inmigración');
  });

  it('keeps ids right while its table grows', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `w${i.toString(36)}`);
    const text = [...words, ...words.map((w) => w.toUpperCase())].join(' ');
    const w = intern(text);
    expect(w.lower).toHaveLength(50_000);
    for (let i = 0; i < 50_000; i += 997) {
      expect(w.ids[i]).toBe(i);
      expect(w.ids[50_000 + i]).toBe(i);
      expect(w.lower[i]).toBe(words[i]);
    }
  });
});
