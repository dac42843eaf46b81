// Recall and precision of the listing readers over every saved page of theirs (tests/recall.ts
// lists, by hand, the papers each page shows). A regression reads as numbers, with the keys that
// went missing or appeared; `npm run recall` prints the whole table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED, fixtures, format, measure } from '../../../tests/recall';

describe('listing readers: recall and precision over their saved pages', () => {
  it('lists every saved page of generic-links and generic-cards in the table or the real-page corpus', () => {
    // Real pages are measured by scripts/real-pages.ts against tests/fixtures/real-pages.json.
    const real = Object.keys(JSON.parse(readFileSync(join(fixtures, 'real-pages.json'), 'utf8')));
    const pages = ['generic-links', 'generic-cards'].flatMap((source) =>
      readdirSync(join(fixtures, source), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${source}/${entry.name}`)
        .filter((page) => !real.includes(page)),
    );
    expect(Object.keys(EXPECTED).sort()).toEqual(pages.sort());
  });

  it('finds every listed paper and nothing else; nothing on negative pages', () => {
    const rows = Object.entries(EXPECTED).map(([name, keys]) => measure(name, keys));
    const table = format(rows);
    const perfect = rows.map((row) => ({ ...row, found: row.expected, hits: row.expected, recall: 1, precision: 1 }));
    expect(
      rows.map(({ page, found, recall, precision, missing, unexpected }) => ({
        page,
        found,
        recall,
        precision,
        missing,
        unexpected,
      })),
      table,
    ).toEqual(
      perfect.map(({ page, found, recall, precision }) => ({
        page,
        found,
        recall,
        precision,
        missing: [],
        unexpected: [],
      })),
    );
  });
});
