import { useEffect, useState } from 'preact/hooks';
import {
  type AutoAnalysisSettings,
  DEFAULT_AUTO_ANALYSIS,
  loadAutoAnalysis,
  originsFor,
  parseSiteList,
  saveAutoAnalysis,
} from '@/src/page/auto-analysis-settings';

/**
 * "Analyse policy pages automatically": off by default. Turning it on asks the browser for access to
 * all sites or only the listed ones; without that grant nothing runs automatically.
 */
export function AutoAnalysisOptions() {
  const [settings, setSettings] = useState<AutoAnalysisSettings>(DEFAULT_AUTO_ANALYSIS);
  const [siteText, setSiteText] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    void loadAutoAnalysis().then((loaded) => {
      setSettings(loaded);
      setSiteText(loaded.sites === 'all' ? '' : loaded.sites.join('\n'));
    });
  }, []);

  const save = (event: Event) => {
    event.preventDefault();
    const sites = settings.sites === 'all' ? 'all' : parseSiteList(siteText);
    const next: AutoAnalysisSettings = { enabled: settings.enabled, sites };
    const origins = originsFor(next);
    if (next.enabled && origins.length === 0) {
      setMessage('List at least one site, for example www.yourtown.gov, or choose "every site".');
      return;
    }
    // The permission prompt must open inside this click: request before anything is awaited.
    const granted = next.enabled ? browser.permissions.request({ origins }) : Promise.resolve(true);
    void granted
      .then(async (ok) => {
        if (!ok) {
          setMessage('Access was not granted, so pages are analysed only when you click the toolbar button.');
          return;
        }
        await saveAutoAnalysis(next);
        setSettings(next);
        if (sites !== 'all') setSiteText(sites.join('\n'));
        setMessage(
          next.enabled
            ? `Saved. Policy pages on ${sites === 'all' ? 'every site' : sites.join(', ')} are analysed when they open.`
            : 'Saved. Pages are analysed only when you click the toolbar button.',
        );
      })
      .catch((error: unknown) =>
        setMessage(`Could not save: ${error instanceof Error ? error.message : String(error)}`),
      );
  };

  return (
    <main class="pl-options">
      <h1>ICE Policy Lens</h1>
      <p class="pl-lead">
        Everything runs in your browser: the extension never sends page text anywhere. By default it reads a
        page only when you click its toolbar button.
      </p>
      <form onSubmit={save}>
        <label class="pl-check">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => setSettings({ ...settings, enabled: (e.target as HTMLInputElement).checked })}
          />
          Analyse police policy pages automatically
        </label>
        <fieldset disabled={!settings.enabled}>
          <legend>Where</legend>
          <label>
            <input
              type="radio"
              name="sites"
              checked={settings.sites === 'all'}
              onChange={() => setSettings({ ...settings, sites: 'all' })}
            />
            On every site (a quick check skips pages that are not about immigration)
          </label>
          <label>
            <input
              type="radio"
              name="sites"
              checked={settings.sites !== 'all'}
              onChange={() => setSettings({ ...settings, sites: parseSiteList(siteText) })}
            />
            Only on these sites (one per line):
          </label>
          <textarea
            rows={4}
            value={siteText}
            placeholder="www.yourtown.gov"
            aria-label="Sites to analyse automatically"
            onInput={(e) => setSiteText((e.target as HTMLTextAreaElement).value)}
          />
        </fieldset>
        <button type="submit">Save</button>
        <p role="status" class="pl-message">
          {message}
        </p>
      </form>
    </main>
  );
}

export const optionsCss = `
html, body { margin: 0; background: var(--pl-surface-2); color: var(--pl-text); font: 15px/1.5 var(--pl-font); }
.pl-options { max-width: 640px; margin: 32px auto; padding: 24px; background: var(--pl-surface);
  border: 1px solid var(--pl-border); border-radius: var(--pl-radius); }
.pl-options h1 { margin: 0 0 8px; font-size: 22px; }
.pl-lead { color: var(--pl-muted); }
.pl-check { display: flex; gap: 8px; align-items: center; font-weight: 600; margin: 16px 0; }
fieldset { border: 1px solid var(--pl-border); border-radius: 8px; margin: 0 0 16px; padding: 8px 14px 14px; }
fieldset label { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
textarea { width: 100%; box-sizing: border-box; font: 14px/1.4 ui-monospace, Menlo, Consolas, monospace;
  color: var(--pl-text); background: var(--pl-surface); border: 1px solid var(--pl-border); border-radius: 6px; padding: 6px; }
button { font: 600 14px/1 var(--pl-font); padding: 10px 18px; border-radius: 8px; border: 0; cursor: pointer;
  background: var(--pl-focus); color: var(--pl-on-focus); }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid var(--pl-focus); outline-offset: 2px; }
.pl-message { min-height: 1.5em; }
`;
