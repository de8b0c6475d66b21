import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OPEN_PDFS_SETTING, REDIRECT_ORIGINS } from './pdf-routing';

/**
 * The options page's "Open PDFs in ICE Policy Lens" setting. Off by default; turning it on asks for
 * access to all sites, because the extension must see a tab's address to know it is opening a PDF.
 */
export function PdfRedirectSetting() {
  const [enabled, setEnabled] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => {
    void browser.storage.local
      .get(OPEN_PDFS_SETTING)
      .then((stored) => setEnabled(stored[OPEN_PDFS_SETTING] === true));
  }, []);

  const change = (wanted: boolean) => {
    // The permission prompt must open inside this click: request before anything is awaited.
    const granted = wanted
      ? browser.permissions.request({ origins: REDIRECT_ORIGINS })
      : Promise.resolve(true);
    void granted
      .then(async (ok) => {
        if (!ok) {
          setMessage('Access was not granted, so PDFs keep opening in the browser’s own viewer.');
          return;
        }
        await browser.storage.local.set({ [OPEN_PDFS_SETTING]: wanted });
        setEnabled(wanted);
        setMessage(
          wanted
            ? 'Saved. PDFs you open (links ending in .pdf) now open in ICE Policy Lens; “Open original” in the viewer still reaches the browser’s viewer.'
            : 'Saved. PDFs open in the browser’s own viewer; use the toolbar button there to analyse one.',
        );
      })
      .catch((error: unknown) =>
        setMessage(`Could not save: ${error instanceof Error ? error.message : String(error)}`),
      );
  };

  return (
    <section class="pl-options pl-pdf-setting" aria-labelledby="pl-pdf-setting-heading">
      <h2 id="pl-pdf-setting-heading">PDF policies</h2>
      <label class="pl-check">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => change((event.target as HTMLInputElement).checked)}
        />
        Open PDFs in ICE Policy Lens
      </label>
      <p class="pl-lead">
        Most police manuals are PDFs. With this on, opening a PDF shows it in ICE Policy Lens’s own viewer
        with its flags and scorecard. The PDF is read straight from its website, on this computer.
      </p>
      <p role="status" class="pl-message">
        {message}
      </p>
    </section>
  );
}
