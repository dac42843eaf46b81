// Which pages are one article's own page (the listing readers then leave its references, related
// articles and export links alone), on real publisher pages and on the tag spellings they use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../scripts/html';
import { detectPapers } from './index';
import { describesArticle } from './metadata';

const fixtures = join(import.meta.dirname, '../../tests/fixtures');

function head(tags: string): Document {
  return parseHtml(`<!DOCTYPE html><html><head>${tags}</head><body></body></html>`, 'https://example.org/a');
}

describe('describesArticle', () => {
  it('reads tag names in any case', () => {
    expect(describesArticle(head('<meta name="Citation_Title" content="A study">'))).toBe(true);
    expect(describesArticle(head('<meta name="DC.Identifier" content="doi:10.1234/abc">'))).toBe(true);
    expect(describesArticle(head('<meta name="DC.identifier" content="https://hal.science/jpa-1">'))).toBe(false);
  });

  it('takes a Dublin Core title with a scholarly type, as Atypon writes them', () => {
    expect(
      describesArticle(
        head('<meta name="dc.Title" content="A study"><meta name="dc.Type" content="research-article">'),
      ),
    ).toBe(true);
    // A news page's DC type, or a type without a title, says nothing.
    expect(describesArticle(head('<meta name="DC.title" content="News"><meta name="DC.type" content="Text">'))).toBe(
      false,
    );
    expect(describesArticle(head('<meta name="dc.Type" content="research-article">'))).toBe(false);
  });

  it("gives the Annals page its own article only, not its 29 references or its 'Track Citations' link", () => {
    const address = 'https://www.acpjournals.org/doi/10.7326/M19-3075';
    const doc = parseHtml(readFileSync(join(fixtures, 'highwire/acp-annals-article/page.html'), 'utf8'), address);
    expect(describesArticle(doc)).toBe(true);
    expect(detectPapers(doc, new URL(address)).map(({ paper }) => paper.key)).toEqual(['doi:10.7326/m19-3075']);
  });
});
