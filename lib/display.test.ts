import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { count, SOURCE_NAMES, siteCounts, sourceName } from './display';
import { FORMATS } from './formats/catalog';

describe('display names', () => {
  it('names every reader, and every format a paper can be imported from', () => {
    const readers = readdirSync(join(import.meta.dirname, 'detect/sources'))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    const imported = Object.values(FORMATS)
      .filter((format) => format.importable)
      .map((format) => format.name);
    for (const id of [...readers, ...imported, 'address']) expect(SOURCE_NAMES[id], id).toBeDefined();
  });

  it('says where a paper came from in words, never as an id', () => {
    expect(sourceName({ source: 'huggingface' })).toBe('Hugging Face');
    expect(sourceName({ source: 'bibtex' })).toBe('BibTeX file');
    expect(sourceName({ source: 'highwire', pageUrl: 'https://www.nature.com/articles/s41586-021-03819-2' })).toBe(
      'nature.com',
    );
    expect(sourceName({ source: 'generic-links' })).toBe('web page');
    expect(sourceName({ source: 'a-reader-added-later' })).toBe('web page');
  });

  it("writes a site's counts out, keeping ★ for the user's own star", () => {
    expect(siteCounts({ upvotes: 1, stars: 2048, comments: 0 })).toEqual([
      '1 vote',
      '2,048 GitHub stars',
      '0 comments',
    ]);
    expect(siteCounts({}).join('')).not.toContain('★');
    expect(count(1, 'paper')).toBe('1 paper');
    expect(count(12000, 'paper')).toBe('12,000 papers');
  });
});
