// One golden file per format, all written from the same hard-case library (test-data.ts).
// Regenerate with `npx vitest run --project unit lib/formats -u` and review the diff like code.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat, exportPapers } from './index';
import { GOLDEN_LIBRARY } from './test-data';

const FILES: Record<ExportFormat, string> = {
  bibtex: 'library.bib',
  ris: 'library.ris',
  'csl-json': 'library.csl.json',
  csv: 'library.csv',
  markdown: 'library.md',
  'markdown-full': 'library-abstracts.md',
  json: 'library.json',
};

describe('golden files', () => {
  for (const format of EXPORT_FORMATS) {
    it(`writes the expected ${FILES[format]}`, async () => {
      await expect(exportPapers(GOLDEN_LIBRARY, format)).toMatchFileSnapshot(`./__golden__/${FILES[format]}`);
    });
  }
});
