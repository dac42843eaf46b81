// `npm run bench [-- --quick] [-- --markdown]`: speed and size of papershelf in headless Chromium
// against the production build, one JSON object a line ({metric, value, unit, baseline?, ratio?,
// target?}), then `bench: done` (docs/CONTRACT.md). Each suite of scripts/bench/suites.ts runs in
// turn; a suite that fails prints `{"metric": "<suite>.failed", ...}` and the others still run.
// A missed goal is reported, never an error. `--markdown` prints the README's table after the
// figures (scripts/bench/readme.ts writes it into README.md).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, PRODUCTION_BUILD, ROOT } from '../tests/e2e/paths';
import type { Figure } from './bench/figure';
import { markdownTable } from './bench/readme';
import { suites } from './bench/suites';

const quick = process.argv.includes('--quick');
const markdown = process.argv.includes('--markdown');
// `--suite=<name>` (repeatable) runs only those suites, e.g. `--suite=benchDetect`.
const only = process.argv.filter((arg) => arg.startsWith('--suite=')).map((arg) => arg.slice('--suite='.length));

/** The figure with four significant digits, as printed. */
export function rounded(figure: Figure): Figure {
  const round = (n: number) => (Number.isFinite(n) ? Number(n.toPrecision(4)) : n);
  const out: Figure = { ...figure, value: round(figure.value) };
  if (figure.baseline !== undefined) out.baseline = round(figure.baseline);
  // A ratio to a zero or missing baseline is no figure: JSON would print it as null.
  if (figure.ratio !== undefined && Number.isFinite(figure.ratio)) out.ratio = Number(figure.ratio.toPrecision(3));
  else delete out.ratio;
  return out;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  if (!existsSync(PRODUCTION_BUILD)) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const all: Figure[] = [];
  for (const suite of suites) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    let figures: Figure[];
    try {
      figures = await suite({ quick });
    } catch (error) {
      process.stderr.write(`bench: ${suite.name}: ${error instanceof Error ? error.message : String(error)}\n`);
      figures = [{ metric: `${suite.name}.failed`, value: 1, unit: 'suite', target: 0 }];
    }
    for (const figure of figures.map(rounded)) {
      all.push(figure);
      process.stdout.write(`${JSON.stringify(figure)}\n`);
    }
  }
  process.stdout.write('bench: done\n');
  if (markdown) process.stdout.write(`\n${markdownTable(all, quick)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
