// Dublin Core and PRISM beyond the fixtures: the rule that keeps news and government pages out,
// tag-name spellings, PRISM on its own, and the saved pages read by this reader alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { dublinCore } from './dublin-core';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');
const ADDRESS = 'https://repository.example.edu/item/42';

function detect(head: string, body = '<h1>Heading</h1>') {
  const doc = parseHtml(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, ADDRESS);
  return dublinCore.detect(doc, new URL(ADDRESS));
}

function savedPage(name: string, address: string) {
  const doc = parseHtml(readFileSync(join(fixtures, name, 'page.html'), 'utf8'), address);
  return dublinCore.detect(doc, new URL(address));
}

describe('dublin-core gate', () => {
  it('is a metadata reader for every page, with no match patterns of its own', () => {
    expect(dublinCore.kind).toBe('metadata');
    expect(dublinCore.patterns).toEqual([]);
    expect(dublinCore.matches(new URL('https://example.com/'))).toBe(true);
  });
});

describe('which pages are papers', () => {
  const described = `<meta name="DC.title" content="A study"><meta name="DC.creator" content="Doe, Jane">
    <meta name="DC.date" content="2021-05-04">`;

  it('takes a page with a DOI among its identifiers, in any of the forms', () => {
    for (const identifier of [
      '<meta name="DC.identifier" content="doi:10.1234/abc">',
      '<meta name="dc.identifier" scheme="doi" content="10.1234/ABC">',
      '<meta name="DC.Identifier.DOI" content="10.1234/abc">',
      '<meta name="dcterms.identifier" content="https://doi.org/10.1234/abc">',
      '<meta name="prism.doi" content="10.1234/abc">',
    ]) {
      expect(detect(`<meta name="DC.title" content="A study">${identifier}`)[0]?.paper.key, identifier).toBe(
        'doi:10.1234/abc',
      );
    }
  });

  it('takes a page without an id when its type is scholarly and it names a creator and a date', () => {
    for (const type of [
      'Master Thesis',
      'Preprint',
      'info:eu-repo/semantics/article',
      'Text.Serial.Journal',
      'Conference paper',
    ]) {
      const found = detect(`${described}<meta name="DC.type" content="${type}">`);
      expect(found[0]?.paper.key, type).toBe(`url:${ADDRESS}`);
    }
  });

  it("takes JATS's article-type as the type, and the DOI an Atypon address names as the key", () => {
    for (const type of ['research-article', 'review-article', 'Research Article']) {
      expect(detect(`${described}<meta name="dc.Type" content="${type}">`)[0]?.paper.key, type).toBe(`url:${ADDRESS}`);
    }
    const address = 'https://www.journal.example.org/doi/10.7326/M19-3075';
    const doc = parseHtml(
      `<html><head>${described}<meta name="dc.Type" content="research-article">
       <meta name="dc.Identifier" scheme="publisher-id" content="AIME202004070-M193075"></head></html>`,
      address,
    );
    const [found] = dublinCore.detect(doc, new URL(address));
    expect(found?.paper.key).toBe('doi:10.7326/m19-3075');
    expect(found?.paper.url).toBe(address);
  });

  it('reads the Annals of Internal Medicine page (Atypon, no citation_*) as its article', () => {
    const found = savedPage('highwire/acp-annals-article', 'https://www.acpjournals.org/doi/10.7326/M19-3075');
    expect(found.map(({ paper }) => [paper.key, paper.title, paper.authors, paper.published])).toEqual([
      [
        'doi:10.7326/m19-3075',
        'The Effect of Influenza Vaccination for the Elderly on Hospitalization and Mortality',
        ['Michael L. Anderson', 'Carlos Dobkin', 'Devon Gorry'],
        '2020-03-03',
      ],
    ]);
  });

  it('takes a plain "Article" only with journal details', () => {
    expect(detect(`${described}<meta name="DC.type" content="Article">`)).toEqual([]);
    const journal = detect(
      `${described}<meta name="DC.type" content="Article"><meta name="prism.volume" content="12">`,
    );
    expect(journal[0]?.paper.key).toBe(`url:${ADDRESS}`);
    const ojs = detect(`${described}<meta name="DC.Source.ISSN" content="2145-7790">`);
    expect(ojs).toHaveLength(1);
  });

  it('leaves out a scholarly type without a creator or a date', () => {
    expect(
      detect(
        '<meta name="DC.title" content="A"><meta name="DC.type" content="Thesis"><meta name="DC.date" content="2020">',
      ),
    ).toEqual([]);
    expect(
      detect(
        '<meta name="DC.title" content="A"><meta name="DC.type" content="Thesis"><meta name="DC.creator" content="X">',
      ),
    ).toEqual([]);
  });

  it('leaves out a government page (the Canada.ca template writes dcterms on every page)', () => {
    const found = detect(
      `<meta name="dcterms.title" content="Embassies and consulates - Travel.gc.ca">
       <meta name="dcterms.creator" content="Global Affairs Canada">
       <meta name="dcterms.issued" title="W3CDTF" content="2013-12-13">
       <meta name="dcterms.modified" title="W3CDTF" content="2024-01-31">
       <meta name="dcterms.subject" title="scheme" content="Travel">
       <meta name="dcterms.type" content="navigation page - institutional profile">
       <meta name="dcterms.identifier" content="https://travel.gc.ca/assistance/embassies-consulates">
       <meta name="dcterms.language" title="ISO639-2" content="eng">`,
    );
    expect(found).toEqual([]);
  });

  it('does not take a DOI the page only relates to, nor a title alone', () => {
    expect(
      detect(
        '<meta name="DC.title" content="Report"><meta name="DC.relation" content="https://doi.org/10.5281/zenodo.1">',
      ),
    ).toEqual([]);
    expect(detect('<meta name="DC.title" content="Home">')).toEqual([]);
  });

  it('reads the news fixture as no paper at all', () => {
    const found = savedPage(
      'dublin-core/news-article-synthetic',
      'https://www.westmoorcourier.co.uk/news/environment/2024/03/12/study-finds-river-otters-returning-to-upper-tamar-valley/',
    );
    expect(found).toEqual([]);
  });
});

describe('what is read', () => {
  it('matches names in any case, with "." or ":"', () => {
    const [found] = detect(
      `<meta name="DCTERMS:Title" content="Spelled oddly"><meta name="Dc.Creator" content="Doe, Jane">
       <meta name="DC.IDENTIFIER" content="info:doi/10.1234/x">`,
    );
    expect(found?.paper).toMatchObject({ title: 'Spelled oddly', authors: ['Jane Doe'], key: 'doi:10.1234/x' });
  });

  it('reads PRISM: DOI, publication name, date and keywords', () => {
    const [found] = detect(
      `<meta name="dc.title" content="Quantum dots"><meta name="prism.doi" content="doi:10.1038/s41586-024-00001-1">
       <meta name="prism.publicationName" content="Nature"><meta name="prism.publicationDate" content="2024-03-06">
       <meta name="prism.keyword" content="quantum dots; photonics"><meta name="dc.source" content="Nature 2024 627:7">`,
    );
    expect(found?.paper).toMatchObject({
      key: 'doi:10.1038/s41586-024-00001-1',
      venue: 'Nature',
      published: '2024-03-06',
      keywords: ['quantum dots', 'photonics'],
    });
  });

  it('takes contributors only when there is no creator, and leaves out qualified roles', () => {
    const contributors = detect(
      `<meta name="DC.Title" content="T"><meta name="DC.Identifier" content="10.1101/2020.03.22.002386">
       <meta name="DC.Contributor" content="David E. Gordon"><meta name="DC.Contributor.Sponsor" content="NIH">`,
    );
    expect(contributors[0]?.paper.authors).toEqual(['David E. Gordon']);
    const creators = detect(
      `<meta name="DC.Title" content="T"><meta name="DC.Identifier" content="10.1101/2020.01.01.000001"><meta name="DC.creator" content="Te Huia, Mereana">
       <meta name="DC.contributor" content="Whitfield, Grace">`,
    );
    expect(creators[0]?.paper.authors).toEqual(['Mereana Te Huia']);
  });

  it('takes the earliest publication date, not the submission, deposit or change dates', () => {
    const [found] = detect(
      `<meta name="DC.Title" content="T"><meta name="DC.Identifier.DOI" content="10.1234/x">
       <meta name="DC.Date.created" content="2021-03-15"><meta name="DC.Date.issued" content="2021-03-31">
       <meta name="DC.Date.dateSubmitted" content="2020-11-02"><meta name="DCTERMS.available" content="2019-01-01">
       <meta name="DC.Date.modified" content="2021-04-01">`,
    );
    expect(found?.paper.published).toBe('2021-03-15');
  });

  it('does not take an address or an ISSN for the venue', () => {
    const [found] = detect(
      `<meta name="DC.Title" content="T"><meta name="DC.Identifier.DOI" content="10.1234/x">
       <meta name="DC.source" content="https://journal.example.org"><meta name="DCTERMS.isPartOf" content="urn:ISSN:1234-5678">
       <meta name="DC.relation.ispartof" content="Journal of Examples">`,
    );
    expect(found?.paper.venue).toBe('Journal of Examples');
  });

  it('keeps what it can of malformed values, without throwing', () => {
    const [found] = detect(
      `<meta name="DC.title" content="<i>Italic</i> title"><meta name="DC.identifier" content="doi:">
       <meta name="DC.identifier" content="doi:10.1234/ok"><meta name="DC.date" content="someday">
       <meta name="DC.creator" content=""><meta name="DC.subject">`,
    );
    expect(found?.paper).toEqual({
      key: 'doi:10.1234/ok',
      title: 'Italic title',
      authors: [],
      ids: { doi: '10.1234/ok' },
      url: ADDRESS,
      source: 'dublin-core',
      pageUrl: ADDRESS,
    });
  });
});

describe('dublin-core on saved pages', () => {
  it('reads bioRxiv alone: DC.Contributor authors, the bare DOI, no publisher as venue', () => {
    const address = 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3';
    const [found] = savedPage('biorxiv/paper-page', address);
    expect(found?.paper).toMatchObject({ key: 'doi:10.1101/2020.03.22.002386', published: '2020-03-27' });
    expect(found?.paper.authors).toHaveLength(100);
    expect(found?.paper.authors[5]).toBe('Matthew J. O’Meara');
    expect(found?.paper.venue).toBeUndefined();
  });

  it('reads the DSpace thesis alone, keyed by its address', () => {
    const address = 'https://repository.northbay.ac.nz/handle/10652/5611';
    const [found] = savedPage('dublin-core/dspace-thesis-synthetic', address);
    expect(found?.paper).toMatchObject({
      key: 'url:https://repository.northbay.ac.nz/handle/10652/5611',
      authors: ['Mereana Te Huia'],
      published: '2021',
      keywords: ['coastal erosion', 'UAV photogrammetry', 'hazard mapping', 'Kāpiti Coast (N.Z.)'],
    });
    expect(found?.anchor?.tagName).toBe('H2');
  });
});
