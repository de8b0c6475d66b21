import { browser } from 'wxt/browser';

/**
 * The "analyse policy pages automatically" option, shared by the options page (which asks for the host
 * permission) and the background (which registers the content script for those hosts).
 */
export interface AutoAnalysisSettings {
  enabled: boolean;
  /**
   * 'all' for every site, or host names such as "www.example-town.gov" (http and https), or a host with
   * the one scheme the person typed, such as "http://127.0.0.1".
   */
  sites: 'all' | string[];
}

export const AUTO_ANALYSIS_KEY = 'policy-lens/auto-analysis';
export const DEFAULT_AUTO_ANALYSIS: AutoAnalysisSettings = { enabled: false, sites: [] };

/** Host permission patterns for the settings: what the options page requests and the background checks. */
export function originsFor(settings: AutoAnalysisSettings): string[] {
  if (settings.sites === 'all') return ['<all_urls>'];
  return settings.sites.map((site) => (site.includes('://') ? `${site}/*` : `*://${site}/*`));
}

/**
 * Turns what a person types into sites: "town.gov" → "town.gov" (both schemes); "http://town.gov/police"
 * → "http://town.gov" (the scheme they typed, when it is http or https). Drops junk.
 */
export function parseSiteList(input: string): string[] {
  const sites = new Set<string>();
  for (const entry of input.split(/[\s,]+/)) {
    if (!entry) continue;
    try {
      const typedScheme = /^[a-z]+:\/\//i.test(entry);
      const url = new URL(typedScheme ? entry : `https://${entry}`);
      const host = url.hostname.toLowerCase();
      if (!/^[a-z0-9.-]+$/.test(host) || !host.includes('.')) continue;
      if (!typedScheme) sites.add(host);
      else if (url.protocol === 'http:' || url.protocol === 'https:') sites.add(`${url.protocol}//${host}`);
    } catch {
      // Not a host name: ignored, and the options page shows what was kept.
    }
  }
  return [...sites];
}

export async function loadAutoAnalysis(): Promise<AutoAnalysisSettings> {
  const stored = (await browser.storage.local.get(AUTO_ANALYSIS_KEY))[AUTO_ANALYSIS_KEY] as
    | Partial<AutoAnalysisSettings>
    | undefined;
  return {
    enabled: stored?.enabled === true,
    sites:
      stored?.sites === 'all'
        ? 'all'
        : Array.isArray(stored?.sites)
          ? stored.sites.filter((s) => typeof s === 'string')
          : [],
  };
}

export function saveAutoAnalysis(settings: AutoAnalysisSettings): Promise<void> {
  return browser.storage.local.set({ [AUTO_ANALYSIS_KEY]: settings });
}
