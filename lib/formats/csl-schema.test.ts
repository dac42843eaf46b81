// Every paper of the real bibliographies (tests/fixtures/bib/, listed in corpora.ts), exported as
// CSL-JSON, validated against the CSL project's own input schema (csl-data.json, tests/fixtures/csl,
// origin in tests/fixtures/SOURCES.md) with Ajv: what papershelf hands to Zotero, citeproc or pandoc
// is what they are specified to read.
import { describe, expect, it } from 'vitest';
import { corpusFiles, cslSchemaErrors, importCorpusFile } from './corpora';
import { exportPapers } from './index';

const files = corpusFiles();

describe('CSL-JSON export against the CSL input schema', () => {
  it('reads the corpus: 123 files, over 980 papers', () => {
    expect(files.length).toBeGreaterThanOrEqual(123);
    expect(files.flatMap((file) => importCorpusFile(file).papers).length).toBeGreaterThanOrEqual(980);
  });

  for (const file of files) {
    it(`${file.corpus}/${file.name}`, () => {
      const { papers, errors } = importCorpusFile(file);
      // A file none of whose entries came in says why for each (an entry without a title).
      if (papers.length === 0) expect(errors.length).toBeGreaterThan(0);
      const items = JSON.parse(exportPapers(papers, 'csl-json')) as unknown[];
      expect(items).toHaveLength(papers.length);
      expect(cslSchemaErrors(items)).toEqual([]);
    });
  }
});
