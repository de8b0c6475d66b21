import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Flag } from '@/src/engine/report';
import { isMessage, reportOf, sendToExtension, sendToTab } from '@/src/messages';
import { NEEDS_TOOLBAR_CLICK } from '@/src/page/analyse-tab';
import { PdfList } from '@/src/pdf/pdf-list';
import { questionInfo } from '@/src/rules/rule-book';
import { FlagIcon } from '@/src/ui/flag-icon';
import { SavedExcerptsLink } from '@/src/ui/saved-excerpts-link';
import { Scorecard, type ScorecardState } from '@/src/ui/scorecard';

/**
 * The scorecard of the active tab. It follows tab switches and navigations, and the content script's
 * news when the page changes; a passage button scrolls the page to it and flashes it.
 */
export function SidePanel() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<ScorecardState>({ status: 'loading' });

  const analyse = useCallback((id: number) => {
    setState({ status: 'loading' });
    sendToExtension({ type: 'policy-lens/analyze', tabId: id }).then(
      (report) => setState({ status: 'ready', report }),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        // Not a failure: the browser only lets us read a page once the reader asks on that page.
        if (reason.startsWith(NEEDS_TOOLBAR_CLICK) || reason.startsWith('This is a browser page'))
          setState({ status: 'waiting', message: reason });
        else setState({ status: 'failed', reason });
      },
    );
  }, []);

  useEffect(() => {
    const show = (id: number | undefined) => {
      if (id === undefined) return;
      setTabId(id);
      analyse(id);
    };
    // `sidepanel.html?tabId=N` shows one tab's scorecard in a normal tab (tests, the demo, bug reports).
    const pinned = Number(new URLSearchParams(location.search).get('tabId'));
    if (pinned > 0) {
      show(pinned);
      return;
    }
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => show(tab?.id));
    const onActivated = (info: { tabId: number }) => show(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [analyse]);

  useEffect(() => {
    if (tabId === null) return;
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') analyse(id);
    };
    const onMessage = (message: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
      if (
        !isMessage(message, 'policy-lens/report-changed') ||
        sender.tab?.id !== tabId ||
        sender.frameId !== 0
      )
        return;
      if (message.status === 'ready') setState({ status: 'ready', report: reportOf(message) });
      else if (message.status === 'failed') setState({ status: 'failed', reason: message.reason });
      else setState({ status: 'loading' });
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId, analyse]);

  const onPassage = (flag: Flag) => {
    if (tabId === null || flag.start === null || flag.end === null) return;
    void sendToTab(tabId, { type: 'policy-lens/reveal', start: flag.start, end: flag.end }).catch(
      () => undefined,
    );
  };

  return (
    <main class="pl-panel">
      <header class="pl-panel-head">
        <h1>ICE Policy Lens</h1>
        <p>How far this police policy lets officers cooperate with ICE, by the guide's seven questions.</p>
        <SavedExcerptsLink pageUrl={state.status === 'ready' ? state.report.source : null} />
      </header>
      <Scorecard
        state={state}
        onPassage={onPassage}
        questionText={(id) => questionInfo(id).question}
        onRetry={tabId === null ? undefined : () => analyse(tabId)}
      />
      {tabId === null ? null : <PdfList tabId={tabId} refresh={state} />}
      <footer class="pl-legend">
        <span>
          <FlagIcon kind="red" size={14} />
          {/* One text item, so the flex gap does not split the colon from its words. */}
          <span>
            <span class="pl-legend-red">wavy underline</span>: red flag
          </span>
        </span>
        <span>
          <FlagIcon kind="green" size={14} />
          <span>
            <span class="pl-legend-green">double underline</span>: green flag
          </span>
        </span>
        <span>
          <FlagIcon kind="lexipol" size={14} />
          <span>
            <span class="pl-legend-lexipol">dotted line above</span>: Lexipol language
          </span>
        </span>
        <ShortcutHint />
      </footer>
    </main>
  );
}

/** The flag-jumping shortcuts as the browser has them now (people may change them). */
function ShortcutHint() {
  const [keys, setKeys] = useState<{ next?: string; previous?: string }>({});
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((commands) => {
        const find = (name: string) => commands.find((c) => c.name === name)?.shortcut || undefined;
        setKeys({ next: find('next-flag'), previous: find('previous-flag') });
      })
      .catch(() => undefined);
  }, []);
  if (!keys.next && !keys.previous)
    return (
      <span>
        Keyboard: give "next flag" and "previous flag" a shortcut in the browser's extension settings.
      </span>
    );
  return (
    <span>
      Keys: {keys.next ? `${keys.next} next flag` : ''}
      {keys.next && keys.previous ? ', ' : ''}
      {keys.previous ? `${keys.previous} previous flag` : ''}. In a flag's popup: Tab, Enter, Escape.
    </span>
  );
}

export const sidePanelCss = `
html, body { margin: 0; background: var(--pl-surface-2); color: var(--pl-text); font: 14px/1.45 var(--pl-font); }
.pl-panel { padding: 12px; }
.pl-panel-head h1 { font-size: 17px; margin: 0 0 2px; }
.pl-panel-head p { margin: 0 0 12px; color: var(--pl-muted); font-size: 13px; }
.pl-legend { display: grid; gap: 4px; margin-top: 14px; padding-top: 10px; border-top: 1px solid var(--pl-border);
  font-size: 12px; color: var(--pl-muted); }
.pl-legend > span { display: flex; gap: 6px; align-items: center; }
.pl-legend .pl-icon-red { color: var(--pl-red); }
.pl-legend .pl-icon-green { color: var(--pl-green); }
.pl-legend .pl-icon-lexipol { color: var(--pl-lexipol); }
.pl-legend-red { text-decoration: underline wavy var(--pl-red); text-underline-offset: 3px; }
.pl-legend-green { text-decoration: underline double var(--pl-green); text-underline-offset: 3px; }
.pl-legend-lexipol { text-decoration: overline dotted var(--pl-lexipol); text-decoration-thickness: 2px; text-underline-offset: 3px; }
`;
