// Import figures for `npm run bench` (issue 8): a 10,000-entry .bib made of the real entries of
// tests/fixtures/bib/bbt/ (Better BibTeX's import fixtures), repeated with distinct citation keys
// and titles, imported in headless Chromium; entries a second, the ratio to the parser alone on
// the same text, and the ratio of a full to a quarter import (4 when linear). An unterminated
// entry at the top of the file must cost no more than the same file closed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../../tests/e2e/paths';
import type { Figure } from './figure';
import { plainChromium } from './harness';

/** The real entries of the corpus, each as written. */
function corpusEntries(root: string): string[] {
  const dir = join(root, 'tests/fixtures/bib/bbt');
  const entries: string[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.bib'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const part of text.split(/\n(?=@)/)) {
      if (/^@(?!string|preamble|comment)\w+\s*\{[^,\s]+,/i.test(part)) entries.push(part.trim());
    }
  }
  return entries;
}

/** `count` entries: the corpus again and again, copy n with key and title made distinct by n. */
export function bibOf(entries: readonly string[], count: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const entry = entries[i % entries.length] ?? '';
    const copy = Math.floor(i / entries.length);
    out.push(
      copy === 0
        ? entry
        : entry.replace(/^(@\w+\s*\{)([^,\s]+),/, `$1$2-${copy},`).replace(/(\btitle\s*=\s*\{)/i, `$1Copy ${copy}: `),
    );
  }
  return `${out.join('\n\n')}\n`;
}

export async function benchImport({ quick }: { quick: boolean }): Promise<Figure[]> {
  const root = ROOT;
  const figures: Figure[] = [];
  const print = (figure: Figure) => figures.push(figure);
  const { browser } = await plainChromium();
  const bundled = await build({
    entryPoints: [join(root, 'scripts/bench/import-page.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
  });
  const script = bundled.outputFiles[0]?.text ?? '';
  const entries = corpusEntries(root);
  const size = quick ? 2_000 : 10_000;
  const context = await browser.newContext();
  await context.route('https://bench.papershelf.invalid/', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>import</title>' }),
  );
  const page = await context.newPage();
  await page.goto('https://bench.papershelf.invalid/');
  await page.addScriptTag({ content: script });
  const run = (text: string) =>
    page.evaluate(
      (input) =>
        (
          globalThis as unknown as {
            papershelfImportBench: { run(text: string): { importMs: number; parseMs: number; papers: number } };
          }
        ).papershelfImportBench.run(input),
      text,
    );
  // A first run warms the engine up (parser grammar, JIT), so that the quarter is not timed cold.
  await run(bibOf(entries, size / 4));
  const quarter = await run(bibOf(entries, size / 4));
  const full = await run(bibOf(entries, size));
  print({
    metric: `import.bibtex.${size}.entriesPerSecond`,
    value: (size * 1000) / full.importMs,
    unit: 'entries/s',
  });
  // A time in ms against a baseline measured in the same run.
  const against = (metric: string, value: number, baseline: number, target?: number) =>
    print({ metric, value, unit: 'ms', baseline, ratio: value / baseline, ...(target ? { target } : {}) });
  against(`import.bibtex.${size}.vsParser`, full.importMs, full.parseMs);
  against(`import.bibtex.${size}.vsQuarter`, full.importMs, quarter.importMs, 4);
  against(`import.bibtex.${size}.parserVsQuarter`, full.parseMs, quarter.parseMs, 4);
  // One missing brace at the top: closed at the next entry, not read to the end of the file.
  const closed = bibOf(entries, size / 4);
  const unterminated = await run(closed.replace(/\}\s*\n\n@/, '\n\n@'));
  against(`import.bibtex.${size / 4}.unterminated`, unterminated.importMs, quarter.importMs, 1.5);
  await context.close();
  await browser.close();
  return figures;
}
