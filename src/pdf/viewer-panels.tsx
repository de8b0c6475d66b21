import { useEffect, useRef, useState } from 'preact/hooks';
import { FlagIcon } from '../ui/flag-icon';
import type { PdfProblem } from './pdf-problems';
import { originalLink } from './viewer-url';

/** The viewer's states around the document: progress, password, problems, banners, file choice. */

export function ProgressPanel(props: {
  label: string;
  done: number;
  total: number | null;
  onCancel?: () => void;
}) {
  const { done, total } = props;
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <section class="pl-progress" aria-label={props.label}>
      <p class="pl-progress-label">
        {props.label}
        {total ? (
          <span class="pl-progress-count">
            {' '}
            {done} of {total}
          </span>
        ) : null}
      </p>
      <progress
        max={total ?? undefined}
        value={total ? done : undefined}
        aria-valuetext={percent === null ? undefined : `${percent}%`}
      />
      {props.onCancel ? (
        <button type="button" class="pl-button" onClick={props.onCancel}>
          Cancel
        </button>
      ) : null}
    </section>
  );
}

export function PasswordForm(props: {
  retry: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [props.retry]);
  return (
    <form
      class="pl-panel pl-password"
      data-state="password"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(password);
        setPassword('');
      }}
    >
      <h2>This PDF is password-protected</h2>
      <p>Enter its password to read it. The password stays on this computer.</p>
      {props.retry ? (
        <p class="pl-form-error" role="alert">
          That password is not right. Try again.
        </p>
      ) : null}
      <label>
        Password
        <input
          ref={input}
          type="password"
          autocomplete="off"
          value={password}
          onInput={(event) => setPassword((event.target as HTMLInputElement).value)}
        />
      </label>
      <div class="pl-form-actions">
        <button type="button" class="pl-button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" class="pl-button pl-button-primary" disabled={password === ''}>
          Open
        </button>
      </div>
    </form>
  );
}

export function ProblemPanel(props: {
  problem: PdfProblem;
  originalUrl: string | null;
  onAllow?: () => void;
  onRetry?: () => void;
  onChooseFile: () => void;
}) {
  const { problem } = props;
  return (
    <div class="pl-panel pl-problem" data-state="problem" data-problem={problem.kind}>
      <h2>{problem.title}</h2>
      <p role="alert">{problem.detail}</p>
      <div class="pl-form-actions">
        {props.onAllow ? (
          <button type="button" class="pl-button pl-button-primary" onClick={props.onAllow}>
            Allow reading from this site
          </button>
        ) : null}
        {props.onRetry ? (
          <button type="button" class="pl-button" onClick={props.onRetry}>
            Try again
          </button>
        ) : null}
        {props.originalUrl ? (
          <a
            class="pl-button"
            href={originalLink(props.originalUrl)}
            target="_blank"
            rel="noreferrer noopener"
          >
            Open the original
          </a>
        ) : null}
        <button type="button" class="pl-button" onClick={props.onChooseFile}>
          Open a file instead
        </button>
      </div>
    </div>
  );
}

export function ChooseFilePanel(props: { onChooseFile: () => void }) {
  return (
    <div class="pl-panel pl-choose" data-state="choose">
      <h2>Open a police policy PDF</h2>
      <p>
        Choose a PDF on your computer or drop it on this page. It is read here, in your browser; nothing is
        uploaded.
      </p>
      <button type="button" class="pl-button pl-button-primary" onClick={props.onChooseFile}>
        Choose a PDF…
      </button>
    </div>
  );
}

/** Shown above the scorecard when the words could not be read, so no one trusts an empty result. */
export function TextLayerBanner(props: {
  noTextLayer: boolean;
  pagesWithoutText: number[];
  pageCount: number;
}) {
  if (!props.noTextLayer && props.pagesWithoutText.length === 0) return null;
  const some = props.pagesWithoutText;
  return (
    <div
      class="pl-banner"
      role="alert"
      data-banner={props.noTextLayer ? 'no-text-layer' : 'pages-without-text'}
    >
      <FlagIcon kind="silent" />
      <div>
        {props.noTextLayer ? (
          <>
            <strong>This PDF has no text layer.</strong> It looks like a scan, so its words could not be read:
            the verdicts below cannot be trusted. Ask the department for a text (searchable) PDF, or run it
            through a text-recognition (OCR) tool first.
          </>
        ) : (
          <>
            <strong>
              {some.length} of {props.pageCount} pages have no readable text
            </strong>{' '}
            (pages {some.slice(0, 12).join(', ')}
            {some.length > 12 ? '…' : ''}). Anything on them was not checked.
          </>
        )}
      </div>
    </div>
  );
}

/** Browsers without the CSS Custom Highlight API still get the scorecard and popups, not the colours. */
export function NoHighlightsNotice() {
  return (
    <div class="pl-banner" role="note" data-banner="no-highlights">
      <FlagIcon kind="silent" />
      <div>
        This browser cannot colour passages on PDF pages (it lacks the CSS Custom Highlight API; Firefox has
        it from version 140). The scorecard below is complete, and its passages still take you to the page.
      </div>
    </div>
  );
}
