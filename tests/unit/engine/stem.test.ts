// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/engine/stem';

describe('stem', () => {
  it.each([
    ['share', ['share', 'shares', 'shared', 'sharing']],
    ['inquire', ['inquire', 'inquires', 'inquired', 'inquiring', 'inquiry', 'inquiries']],
    ['detain', ['detain', 'detains', 'detained', 'detaining']],
    ['notify', ['notify', 'notifies', 'notified', 'notifying']],
    ['stop', ['stop', 'stops', 'stopped', 'stopping']],
    ['agency', ['agency', 'agencies']],
    ['status', ['status', 'statuses']],
  ])('joins the inflections of %s', (_base, forms) => {
    const stems = new Set(forms.map(stem));
    expect([...stems]).toHaveLength(1);
  });

  it('keeps derived words apart', () => {
    expect(stem('detainer')).not.toBe(stem('detain'));
    expect(stem('detainee')).not.toBe(stem('detain'));
    expect(stem('detention')).not.toBe(stem('detain'));
    expect(stem('communication')).not.toBe(stem('communicate'));
  });

  it('keeps police and policy apart', () => {
    expect(stem('police')).not.toBe(stem('policy'));
    expect(stem('policies')).toBe(stem('policy'));
  });

  it('keeps words that would meet a cue word apart from it', () => {
    for (const w of ['note', 'notes', 'noted', 'noting']) expect(stem(w)).not.toBe(stem('not'));
    expect(new Set(['note', 'notes', 'noted', 'noting'].map(stem)).size).toBe(1);
    expect(stem('willing')).not.toBe(stem('will'));
    expect(stem('party')).not.toBe(stem('part'));
    expect(stem('parties')).toBe(stem('party'));
  });

  it('leaves short words and words ending in -ss, -us, -is alone', () => {
    for (const w of ['ice', 'may', 'no', 'process', 'status', 'this', 'basis']) expect(stem(w)).toBe(w);
  });
});
