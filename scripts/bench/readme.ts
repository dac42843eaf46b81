// The README's bench table, made from the bench's own output. `npm run bench -- --markdown`
// prints it; `npx tsx scripts/bench/readme.ts <bench output file>` writes it into README.md
// between `<!-- bench:begin -->` and `<!-- bench:end -->`, so it is regenerated after each merge.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../tests/e2e/paths';
import type { Figure } from './figure';

/** Counts (papers found, controls shown) must equal their target; other figures stay at or below it:
 * the ratio when there is a baseline (unless the goal is on the value), else the value. */
export function meetsGoal(figure: Figure): boolean | undefined {
  if (figure.target === undefined) return undefined;
  if (figure.unit === 'papers' || figure.unit === 'controls') return figure.value === figure.target;
  return (goalOnRatio(figure) ? (figure.ratio as number) : figure.value) <= figure.target;
}

function goalOnRatio(figure: Figure): boolean {
  return figure.ratio !== undefined && figure.goalOn !== 'value';
}

function number(n: number | undefined): string {
  if (n === undefined) return '';
  if (!Number.isFinite(n)) return String(n);
  return n.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

export function markdownTable(figures: readonly Figure[], quick: boolean): string {
  const rows = figures.map((figure) => {
    const met = meetsGoal(figure);
    const goal =
      figure.target === undefined
        ? ''
        : `${figure.unit === 'papers' || figure.unit === 'controls' ? '=' : '≤'} ${number(figure.target)}${goalOnRatio(figure) ? '×' : ` ${figure.unit}`}`;
    return `| \`${figure.metric}\` | ${number(figure.value)} ${figure.unit} | ${
      figure.baseline === undefined ? '' : `${number(figure.baseline)} ${figure.unit}`
    } | ${figure.ratio === undefined ? '' : `${number(figure.ratio)}×`} | ${goal} | ${met === undefined ? '' : met ? 'yes' : '**no**'} |`;
  });
  return [
    `Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)} (2-core shared machine; compare ratios, not times).`,
    '',
    '| metric | value | baseline (same run) | ratio | goal | met |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The figures in the text of a bench run (its JSON lines; other lines are skipped). */
export function parseFigures(text: string): Figure[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Figure);
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: tsx scripts/bench/readme.ts <file holding the output of npm run bench>\n');
    process.exit(1);
  }
  const text = readFileSync(file, 'utf8');
  const figures = parseFigures(text);
  if (figures.length === 0 || !text.includes('bench: done')) {
    process.stderr.write(`readme: ${file} holds no complete bench run; README.md left as it was\n`);
    process.exit(1);
  }
  const readme = join(ROOT, 'README.md');
  const before = readFileSync(readme, 'utf8');
  const match = /<!-- bench:begin -->[\s\S]*?<!-- bench:end -->/.exec(before);
  if (!match) {
    process.stderr.write('readme: README.md has no <!-- bench:begin --> … <!-- bench:end --> section\n');
    process.exit(1);
  }
  const quick = /--quick/.test(process.argv.slice(3).join(' '));
  const table = `<!-- bench:begin -->\n${markdownTable(figures, quick)}\n<!-- bench:end -->`;
  writeFileSync(readme, before.replace(match[0], table));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
