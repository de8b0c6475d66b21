import type { PolicyDocument } from '../engine/document';

/**
 * A file that cannot be analysed, with the reason in the user's words ("is password-protected").
 * The CLI prints it as `error: <file>: <reason>` and carries on with the next file.
 */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'SourceError';
  }
}

/** What a Node source hands on: the document for the engine and what the source noticed. */
export interface LoadedPolicy {
  document: PolicyDocument;
  /** Problems with the text itself (e.g. pages without a text layer), added to the report's warnings. */
  warnings: string[];
}
