import type { Verdict } from '../engine/report';
import type { TerminalStyle } from './terminal-style';

/** One symbol per verdict so the scorecard reads the same without colour (pipes, NO_COLOR, print). */
export const VERDICT_SYMBOLS: Readonly<Record<Verdict, string>> = {
  red: '✗',
  green: '✓',
  mixed: '±',
  silent: '–',
};

export const FLAG_SYMBOLS: Readonly<Record<'red' | 'green', string>> = { red: '✗', green: '✓' };

export function paintVerdict(verdict: Verdict, text: string, style: TerminalStyle): string {
  if (verdict === 'red') return style.red(text);
  if (verdict === 'green') return style.green(text);
  if (verdict === 'mixed') return style.yellow(text);
  return style.dim(text);
}

export const LEGEND = '✗ red  ✓ green  ± mixed  – silent';
