import { describe, expect, it } from 'vitest';
import { originsFor, parseSiteList } from '../../../src/page/auto-analysis-settings';

describe('automatic-analysis settings', () => {
  it('turns what people type into host names', () => {
    expect(parseSiteList('https://www.town.gov/police/policies\n town.gov, nonsense  ftp://x.org')).toEqual([
      'https://www.town.gov',
      'town.gov',
    ]);
    expect(parseSiteList('WWW.Town.GOV www.town.gov')).toEqual(['www.town.gov']);
  });

  it('asks for exactly the hosts listed, or all sites', () => {
    expect(originsFor({ enabled: true, sites: ['www.town.gov', 'http://127.0.0.1'] })).toEqual([
      '*://www.town.gov/*',
      'http://127.0.0.1/*',
    ]);
    expect(originsFor({ enabled: true, sites: 'all' })).toEqual(['<all_urls>']);
    expect(originsFor({ enabled: true, sites: [] })).toEqual([]);
  });
});
