// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { findLexipolMarkers } from '../../../src/engine/lexipol';
import { defaultRuleBook } from '../../../src/rules/rule-book';
import { analyzeMini, miniBook } from './mini-book';

const boilerplate = miniBook.lexipol.entries[0]!.text;

describe('Lexipol passages', () => {
  it('are found in their usual wording', () => {
    const text = `Records. ${boilerplate} Officers wear uniforms.`;
    const report = analyzeMini(text);
    expect(report.lexipol.detected).toBe(true);
    expect(report.lexipol.passages).toHaveLength(1);
    const p = report.lexipol.passages[0]!;
    expect(p.fingerprint).toBe('mini-records-referral');
    expect(p.similarity).toBe(1);
    expect(p.label).toMatch(/shift commander/);
    expect(text.slice(p.start, p.end)).toBe(boilerplate);
  });

  it('are found through edits, another department name, a section number and line breaks', () => {
    const edited =
      'Any member of the Westfield Police\nDepartment who receives a request from an outside agency for records about a person in\n' +
      'custody (see § 402.3) should forward the request to the watch commander, who may release the records after a\n' +
      'review of the applicable retention schedules and any pending investigation.';
    const report = analyzeMini(`Policy 402\n\n${edited}`);
    expect(report.lexipol.passages.map((p) => p.fingerprint)).toEqual(['mini-records-referral']);
    const p = report.lexipol.passages[0]!;
    expect(p.similarity).toBeGreaterThanOrEqual(0.5);
    expect(p.similarity).toBeLessThan(1);
  });

  it('are not found in unrelated text that shares some of their words', () => {
    const unrelated =
      'A member who receives a request for records should refer to the records policy. The shift commander may ' +
      'review any pending investigation. Retention schedules are set by the state. A person in custody may make a call.';
    const report = analyzeMini(unrelated);
    expect(report.lexipol.detected).toBe(false);
    expect(report.lexipol.passages).toEqual([]);
  });

  it('include manual footers (markers), even where normalisation drops repeated footers, with their page', () => {
    const footer = 'Reprinted by arrangement with Examplepol';
    const pages = [1, 2, 3, 4].map((n) => `Officers wear uniforms on duty number ${n}.\n${footer}\n${n}`);
    const doc = { source: 'manual.pdf', title: null, pages };
    const report = analyze(doc, miniBook);
    expect(report.lexipol.detected).toBe(true);
    const markers = report.lexipol.passages.filter((p) => p.fingerprint === 'lexipol-marker');
    expect(markers.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    const joined = pages.join('\n\f\n');
    for (const p of markers) expect(joined.slice(p.start, p.end)).toBe(footer);
  });

  it('markers are whole words: "Examplepolis" is not a marker', () => {
    expect(analyzeMini('Reprinted by arrangement with Examplepolis today.').lexipol.detected).toBe(false);
  });

  it('the real book recognises the guide’s 8 USC 1373 paragraph with another department’s name', () => {
    const text =
      'Immigration Violations\n\n415.6 FEDERAL REQUESTS\nNo member of the Springdale Police Department will prohibit, or in any way restrict, any other ' +
      'member from doing any of the following regarding the citizenship or immigration status, lawful or unlawful, ' +
      'of any individual (8 U.S.C. 1373):\n(a) Sending information to, or requesting or receiving such information from, ' +
      'federal immigration officials\n(b) Maintaining such information in department records\n(c) Exchanging such ' +
      'information with any other federal, state or local government entity\n';
    const report = analyze({ source: 't', title: null, text }, defaultRuleBook);
    expect(report.lexipol.passages.map((p) => p.fingerprint)).toContain('lexipol-8-usc-1373');
  });
});

describe('the real Lexipol passages', () => {
  const analyzeReal = (text: string) => analyze({ source: 't', title: null, text }, defaultRuleBook);

  it('recognise the detention sentence and the supervisor sentence with local edits', () => {
    // Typical local edits: another word here and there, the department's own name, a section number.
    const text =
      '402.3 DETENTIONS\nAn officer who has a reasonable suspicion that a person already lawfully contacted or ' +
      'detained has committed a criminal violation of federal immigration law may detain the person for a ' +
      'reasonable period of time in order to contact federal immigration authorities to verify whether an ' +
      'immigration violation is a federal civil violation or a criminal violation.\n\n402.4 REQUESTS\nRequests by ' +
      'federal immigration officials for assistance from the Oakfield Police Department should be directed to the ' +
      'shift supervisor. The Department may provide available support services.';
    const found = analyzeReal(text).lexipol.passages.map((p) => p.fingerprint);
    expect(found).toEqual(['lexipol-reasonable-suspicion-detention', 'lexipol-supervisor-support-services']);
  });

  it('find nothing in a strong policy written in other words', () => {
    const text =
      'No officer shall ask any person about immigration status, and no officer shall detain a person on a civil ' +
      'immigration detainer. Requests from federal immigration agencies for assistance with civil enforcement ' +
      'shall be declined. No funds, personnel or equipment of the Department shall be used for immigration ' +
      'enforcement. The Department shall not enter into a 287(g) agreement. Information in department records ' +
      'shall not be shared with federal immigration officials except as required by law.';
    const report = analyzeReal(text);
    expect(report.lexipol).toEqual({ detected: false, passages: [] });
  });
});

describe('Lexipol footer markers', () => {
  const spans = (markers: string[], text: string) =>
    findLexipolMarkers(markers, text).map(([s, e]) => text.slice(s, e));

  it('are found in any letter case, but not inside longer words', () => {
    const text = 'Page 3. COPYRIGHT LEXIPOL, LLC 2024. Not Copyright Lexipolis, nor copyright lexipol.';
    expect(spans(['Copyright Lexipol'], text)).toEqual(['COPYRIGHT LEXIPOL', 'copyright lexipol']);
  });

  it('compare words beyond ASCII through their lower case', () => {
    const text = 'Seite 4 — VERÖFFENTLICHT MIT Genehmigung; veröffentlicht mit genehmigung.';
    expect(spans(['Veröffentlicht mit Genehmigung'], text)).toEqual([
      'VERÖFFENTLICHT MIT Genehmigung',
      'veröffentlicht mit genehmigung',
    ]);
    expect(spans(['Veröffentlicht mit Genehmigung'], 'VEROFFENTLICHT MIT Genehmigung')).toEqual([]);
  });
});
