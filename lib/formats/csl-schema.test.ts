// Every paper of the real bibliographies (tests/fixtures/bib/bbt: Better BibTeX's import fixtures),
// exported as CSL-JSON, validated against the CSL project's own input schema (csl-data.json,
// tests/fixtures/csl, origin in tests/fixtures/SOURCES.md) with Ajv: what papershelf hands to Zotero,
// citeproc or pandoc is what they are specified to read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { exportPapers, importText } from './index';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures');
const NOW = new Date('2025-01-01T00:00:00.000Z');

const schema = JSON.parse(readFileSync(join(FIXTURES, 'csl/csl-data.json'), 'utf8')) as object;
// The schema names "date-time" and "uri" formats it does not need checked here; Ajv is told of them.
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

const files = readdirSync(join(FIXTURES, 'bib/bbt')).filter((name) => name.endsWith('.bib'));

describe('CSL-JSON export against the CSL input schema', () => {
  it('reads the corpus: 84 files, over 130 papers', () => {
    expect(files.length).toBeGreaterThanOrEqual(84);
    const papers = files.flatMap(
      (name) => importText(readFileSync(join(FIXTURES, 'bib/bbt', name), 'utf8'), name, { now: NOW }).papers,
    );
    expect(papers.length).toBeGreaterThanOrEqual(130);
  });

  for (const name of files) {
    it(name, () => {
      const { papers, errors } = importText(readFileSync(join(FIXTURES, 'bib/bbt', name), 'utf8'), name, {
        now: NOW,
      });
      // A file none of whose entries came in says why for each (an entry without a title).
      if (papers.length === 0) expect(errors.length).toBeGreaterThan(0);
      const items = JSON.parse(exportPapers(papers, 'csl-json')) as unknown[];
      expect(items).toHaveLength(papers.length);
      const valid = validate(items);
      expect(valid ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)).toEqual([]);
    });
  }
});
