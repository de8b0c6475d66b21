/**
 * ANSI styling for the CLI, on only when a person is watching: stdout is a terminal and NO_COLOR
 * (https://no-color.org) is unset. Meaning never depends on colour: every verdict also has a symbol.
 */
export interface TerminalStyle {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    `\x1b[${open}m${text}\x1b[${close}m`;

export const ANSI_STYLE: TerminalStyle = {
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};

const identity = (text: string): string => text;

export const PLAIN_STYLE: TerminalStyle = {
  red: identity,
  green: identity,
  yellow: identity,
  dim: identity,
  bold: identity,
};

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): TerminalStyle {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return stream.isTTY && !noColor ? ANSI_STYLE : PLAIN_STYLE;
}
