/** Command-line arguments of `npm run analyze`. */
export interface CliArgs {
  inputs: string[];
  json: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run analyze -- [file or folder …] [--json]

Reads police policies (.txt, .html, .pdf) and reports, for each of the advocacy guide's seven
questions, the passages that are red or green flags. Everything runs on this computer.

  (no argument)  analyse the bundled sample policy (samples/sample-policy.html)
  --json         print one report per document per line (the report JSON contract)
  -h, --help     show this help

A folder is searched (with its subfolders) for .txt, .html and .pdf files. A file that cannot be
analysed gets one line "error: <file>: <reason>" on stderr; the others still run, and the exit
code is 1. Colour is used only on a terminal, and never when NO_COLOR is set.`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { inputs: [], json: false, help: false };
  let optionsEnded = false;
  for (const arg of argv) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && arg === '--json') args.json = true;
    else if (!optionsEnded && (arg === '--help' || arg === '-h')) args.help = true;
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-')
      throw new UsageError(`unknown option ${arg}`);
    else args.inputs.push(arg);
  }
  return args;
}
