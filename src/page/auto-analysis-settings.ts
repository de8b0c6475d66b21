import { browser } from 'wxt/browser';

/**
 * The "analyse policy pages automatically" option, shared by the options page (which asks for the host
 * permission) and the background (which registers the content script for those hosts).
 */
export interface AutoAnalysisSettings {
  enabled: boolean;
  /** 'all' for every site, or host names such as "www.example-town.gov". */
  sites: 'all' | string[];
}

export const AUTO_ANALYSIS_KEY = 'policy-lens/auto-analysis';
export const DEFAULT_AUTO_ANALYSIS: AutoAnalysisSettings = { enabled: false, sites: [] };

/** Host permission patterns for the settings: what the options page requests and the background checks. */
export function originsFor(settings: AutoAnalysisSettings): string[] {
  if (settings.sites === 'all') return ['<all_urls>'];
  return settings.sites.map((host) => `*://${host}/*`);
}

/** Turns what a person types ("https://www.town.gov/police", "town.gov") into host names; drops junk. */
export function parseSiteList(input: string): string[] {
  const hosts = new Set<string>();
  for (const entry of input.split(/[\s,]+/)) {
    if (!entry) continue;
    try {
      const url = new URL(/^[a-z]+:\/\//i.test(entry) ? entry : `https://${entry}`);
      if (/^[a-z0-9.-]+$/i.test(url.hostname) && url.hostname.includes('.'))
        hosts.add(url.hostname.toLowerCase());
    } catch {
      // Not a host name: ignored, and the options page shows what was kept.
    }
  }
  return [...hosts];
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
