import { browser } from 'wxt/browser';
import type { PolicyDocument } from './engine/document';
import type { Report } from './engine/report';

/**
 * Every message between the extension's contexts, in one place: name, payload and reply.
 *
 *   extension page ──analyze{tabId}──▶ background ──(inject)──▶ content script ──▶ Report
 *   anyone ──report──▶ content script of a tab ──▶ Report
 *   side panel ──reveal{start,end}──▶ content script: scroll to the passage, flash it
 *   background (keyboard command) ──step{direction}──▶ content script: open the next/previous flag
 *   content script ──report-changed──▶ background (badge) and side panel (scorecard)
 *   content script ──analyze-text{document}──▶ background: runs the engine there, off the page's thread
 *
 * `policy-lens/analyze` and `policy-lens/report` are a public contract for tests and outside checks: their
 * replies are the Report exactly as `analyze --json` prints it. Failures reject the sendMessage promise
 * with an Error whose message says why.
 */

export interface AnalyzeMessage {
  type: 'policy-lens/analyze';
  tabId: number;
}

export interface ReportMessage {
  type: 'policy-lens/report';
}

export interface RevealMessage {
  type: 'policy-lens/reveal';
  /** Offsets of the passage in the report's original text. */
  start: number;
  end: number;
  /** Also open the flag's popup there (default: only scroll and flash). */
  open?: boolean;
}

/**
 * The page's text for the engine. The content script reads and paints the page, but the engine runs in
 * the background: a long manual takes hundreds of milliseconds to analyse, which on the page's main
 * thread would freeze scrolling and typing (bench/paint.ts measures the long tasks), and the engine
 * and its rule book then stay out of the script injected into every page.
 */
export interface AnalyzeTextMessage {
  type: 'policy-lens/analyze-text';
  document: PolicyDocument;
}

export interface StepMessage {
  type: 'policy-lens/step';
  direction: 'next' | 'previous';
}

/** Why a tab's analysis state changed; sender.tab identifies the tab. */
export type AnalysisStatus =
  | { status: 'loading' }
  | { status: 'ready'; report: Report }
  | { status: 'failed'; reason: string };

/**
 * On the wire a ready report may travel as its JSON text (`reportJson`): Chromium's messaging converts an
 * object graph value by value, 25-70 ms on the page's main thread for a 5,000-flag report, while
 * JSON.stringify makes the same text in about 5 ms and a string crosses cheaply. Read it with `reportOf`.
 */
export type ReportChangedMessage = { type: 'policy-lens/report-changed'; tabId?: number } & (
  | AnalysisStatus
  | { status: 'ready'; reportJson: string }
);

/** The report of a 'ready' report-changed message, however it travelled. */
export function reportOf(message: { report: Report } | { reportJson: string }): Report {
  return 'report' in message ? message.report : (JSON.parse(message.reportJson) as Report);
}

/** The tab's report as JSON text: what `policy-lens/report` answers, cheaper to send (see above). */
export interface ReportJsonMessage {
  type: 'policy-lens/report-json';
}

/** Where a passage landed after `reveal` or `step`: null when it could not be found on the page. */
export type RevealReply = { index: number; total: number } | null;

/** Request → reply for every message. Add new messages here (the excerpts and PDF features do too). */
export interface MessageReplies {
  'policy-lens/analyze': Report;
  'policy-lens/report': Report;
  'policy-lens/reveal': RevealReply;
  'policy-lens/step': RevealReply;
  'policy-lens/report-changed': undefined;
  'policy-lens/analyze-text': Report;
  'policy-lens/report-json': string;
}

export type PolicyLensMessage =
  | AnalyzeMessage
  | ReportMessage
  | RevealMessage
  | StepMessage
  | ReportChangedMessage
  | AnalyzeTextMessage
  | ReportJsonMessage;

export type MessageType = PolicyLensMessage['type'];
export type MessageOf<T extends MessageType> = Extract<PolicyLensMessage, { type: T }>;

const MESSAGE_TYPES: ReadonlySet<string> = new Set<MessageType>([
  'policy-lens/analyze',
  'policy-lens/report',
  'policy-lens/reveal',
  'policy-lens/step',
  'policy-lens/report-changed',
  'policy-lens/analyze-text',
  'policy-lens/report-json',
]);

/** Narrows an incoming `unknown` message; other extensions' or WXT's own messages return false. */
export function isMessage<T extends MessageType>(value: unknown, type: T): value is MessageOf<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === type &&
    MESSAGE_TYPES.has(type)
  );
}

/** To the background or any extension page (side panel, options). */
export function sendToExtension<T extends MessageType>(message: MessageOf<T>): Promise<MessageReplies[T]> {
  return browser.runtime.sendMessage(message) as Promise<MessageReplies[T]>;
}

/** To the content script of a tab (top frame only: that is where the policy lens lives). */
export function sendToTab<T extends MessageType>(
  tabId: number,
  message: MessageOf<T>,
): Promise<MessageReplies[T]> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<MessageReplies[T]>;
}
