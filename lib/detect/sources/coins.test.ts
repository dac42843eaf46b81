// COinS beyond the fixtures: which context objects are papers, identity, names, KEV decoding,
// anchors, and bioRxiv's real span (no identifier: not read).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { coins } from './coins';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');
const ADDRESS = 'https://library.example.edu/search?q=x';

/** A span whose title is the KEV of `pairs`, encoded as generators write it. */
function span(pairs: [string, string][]): string {
  const kev = pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&amp;');
  return `<span class="Z3988" title="${kev}"></span>`;
}

const ARTICLE: [string, string][] = [
  ['ctx_ver', 'Z39.88-2004'],
  ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:journal'],
  ['rft.genre', 'article'],
  ['rft.atitle', 'A paper'],
  ['rft.jtitle', 'Journal'],
];

function detect(body: string) {
  const doc = parseHtml(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`, ADDRESS);
  return coins.detect(doc, new URL(ADDRESS));
}

describe('coins gate', () => {
  it('is a metadata reader for every page, with no match patterns of its own', () => {
    expect(coins.kind).toBe('metadata');
    expect(coins.patterns).toEqual([]);
    expect(coins.matches(new URL('https://example.com/'))).toBe(true);
  });
});

describe('which spans are papers', () => {
  it('takes an article with a DOI, PMID or arXiv id', () => {
    expect(detect(span([...ARTICLE, ['rft_id', 'info:doi/10.1234/ABC']]))[0]?.paper.key).toBe('doi:10.1234/abc');
    expect(detect(span([...ARTICLE, ['rft_id', 'info:pmid/26017442']]))[0]?.paper.key).toBe('pubmed:26017442');
    expect(detect(span([...ARTICLE, ['rft_id', 'info:arxiv/1706.03762']]))[0]?.paper.key).toBe('arxiv:1706.03762');
    expect(detect(span([...ARTICLE, ['rft_id', 'https://doi.org/10.1234/abc']]))[0]?.paper.key).toBe('doi:10.1234/abc');
  });

  it('leaves out a span with no identifier, such as bioRxiv’s', () => {
    expect(detect(span(ARTICLE))).toEqual([]);
    const address = 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3';
    const doc = parseHtml(readFileSync(join(fixtures, 'biorxiv/paper-page/page.html'), 'utf8'), address);
    expect(doc.querySelectorAll('span.Z3988')).toHaveLength(1);
    expect(coins.detect(doc, new URL(address))).toEqual([]);
  });

  it('takes an address alone only for a thesis, a report, proceedings or an article with journal details', () => {
    const link: [string, string] = ['rft_id', 'https://news.example.com/2012/11/24/story.html'];
    // Wikipedia's cite news: a newspaper "article" with a link.
    expect(detect(span([...ARTICLE, link]))).toEqual([]);
    expect(detect(span([...ARTICLE, link, ['rft.volume', '521']]))[0]?.paper.key).toBe(
      'url:https://news.example.com/2012/11/24/story.html',
    );
    const thesis = detect(
      span([
        ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:dissertation'],
        ['rft.title', 'A thesis'],
        ['rft.inst', 'Ridgeview University'],
        ['rft_id', 'https://hdl.handle.net/10652/5611'],
      ]),
    );
    expect(thesis[0]?.paper).toMatchObject({ title: 'A thesis', venue: 'Ridgeview University' });
  });

  it('leaves out whole books, journals, issues, web pages and patents', () => {
    const doi: [string, string] = ['rft_id', 'info:doi/10.1234/abc'];
    for (const [format, genre] of [
      ['book', 'book'],
      ['book', 'unknown'],
      ['book', 'document'],
      ['journal', 'journal'],
      ['journal', 'issue'],
      ['patent', ''],
    ]) {
      const pairs: [string, string][] = [
        ['rft_val_fmt', `info:ofi/fmt:kev:mtx:${format}`],
        ['rft.genre', genre ?? ''],
        ['rft.btitle', 'A whole'],
        ['rft.title', 'A whole'],
        ['rft.atitle', 'A part'],
        doi,
      ];
      expect(detect(span(pairs)), `${format}/${genre}`).toEqual([]);
    }
  });

  it('takes a Dublin Core span only with an id', () => {
    const dc: [string, string][] = [
      ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc'],
      ['rft.title', 'Repository item'],
      ['rft.creator', 'Doe, Jane'],
    ];
    expect(detect(span([...dc, ['rft.identifier', 'http://hdl.handle.net/1/2']]))).toEqual([]);
    expect(detect(span([...dc, ['rft.identifier', 'urn:doi:10.1234/dc']]))[0]?.paper).toMatchObject({
      key: 'doi:10.1234/dc',
      authors: ['Jane Doe'],
    });
  });
});

describe('what is read', () => {
  it('names the first author once when Zotero writes it twice, and adds it when only aulast has it', () => {
    const zotero = detect(
      span([
        ...ARTICLE,
        ['rft_id', 'info:doi/10.1234/z'],
        ['rft.aulast', 'Ferreira'],
        ['rft.aufirst', 'Tiago'],
        ['rft.au', 'Tiago Ferreira'],
        ['rft.au', 'Ngozi Eze'],
      ]),
    );
    expect(zotero[0]?.paper.authors).toEqual(['Tiago Ferreira', 'Ngozi Eze']);
    const wikipedia = detect(
      span([
        ...ARTICLE,
        ['rft_id', 'info:doi/10.1234/w'],
        ['rft.aulast', 'LeCun'],
        ['rft.aufirst', 'Yann'],
        ['rft.au', 'Bengio, Yoshua'],
      ]),
    );
    expect(wikipedia[0]?.paper.authors).toEqual(['Yann LeCun', 'Yoshua Bengio']);
    const corporate = detect(span([...ARTICLE, ['rft_id', 'info:doi/10.1234/c'], ['rft.aucorp', 'WHO']]));
    expect(corporate[0]?.paper.authors).toEqual(['WHO']);
  });

  it('decodes "+" as a space and a title escaped twice', () => {
    const doc = parseHtml(
      `<body><span class="Z3988" title="ctx_ver=Z39.88-2004&amp;amp;rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&amp;amp;rft.atitle=Sea+ice+loss&amp;amp;rft_id=info%3Adoi%2F10.1234%2Fice&amp;amp;rft.au=M%C3%A4kel%C3%A4%2C+Jouni"></span></body>`,
      ADDRESS,
    );
    const [found] = coins.detect(doc, new URL(ADDRESS));
    expect(found?.paper).toMatchObject({ title: 'Sea ice loss', authors: ['Jouni Mäkelä'], key: 'doi:10.1234/ice' });
  });

  it('keeps what it can of malformed spans, without throwing', () => {
    const body = [
      '<span class="Z3988" title=""></span>',
      '<span class="Z3988" title="%E0%A4%A&amp;rft.atitle=%ZZ"></span>',
      '<span class="Z3988"></span>',
      span([...ARTICLE, ['rft_id', 'info:doi/10.1234/ok'], ['rft.date', 'n.d.'], ['rft_id', 'javascript:alert(1)']]),
    ].join('');
    const found = detect(body);
    expect(found.map(({ paper }) => paper)).toEqual([
      {
        key: 'doi:10.1234/ok',
        title: 'A paper',
        authors: [],
        venue: 'Journal',
        ids: { doi: '10.1234/ok' },
        source: 'coins',
        pageUrl: ADDRESS,
      },
    ]);
  });
});

describe('anchors', () => {
  it('anchors each result of a catalogue on its title link and takes the record address', () => {
    const address = 'https://catalog.harbourside.edu/vufind/Search/Results?lookfor=ocean+acidification&type=AllFields';
    const doc = parseHtml(readFileSync(join(fixtures, 'coins/catalogue-results-synthetic/page.html'), 'utf8'), address);
    const found = coins.detect(doc, new URL(address));
    expect(found.map(({ anchor }) => anchor?.className)).toEqual(['title getFull', 'title getFull', 'title getFull']);
    expect(found.map(({ anchor }) => anchor?.closest('.result')?.id)).toEqual(['result0', 'result2', 'result3']);
  });

  it('anchors a Wikipedia reference whose title is no link on its citation, with no address', () => {
    const address = 'https://en.wikipedia.org/wiki/Deep_learning';
    const doc = parseHtml(
      readFileSync(join(fixtures, 'coins/wikipedia-references-synthetic/page.html'), 'utf8'),
      address,
    );
    const found = coins.detect(doc, new URL(address));
    const arxiv = found.find(({ paper }) => paper.key === 'arxiv:1706.03762');
    expect(arxiv?.anchor?.tagName).toBe('CITE');
    expect(arxiv?.paper.url).toBeUndefined();
    const nature = found.find(({ paper }) => paper.key === 'doi:10.1038/nature14539');
    expect(nature?.anchor?.textContent).toBe('"Deep Learning"');
  });

  it('anchors the one span of a paper page on the heading showing its title', () => {
    const found = detect(
      `<header><h1>Journal of Examples</h1></header><article><h2 class="article-title">A paper</h2>
       <div class="tools">${span([...ARTICLE, ['rft_id', 'info:doi/10.1234/one']])}</div></article>`,
    );
    expect(found[0]?.anchor?.className).toBe('article-title');
    expect(found[0]?.paper.url).toBe(ADDRESS);
  });

  it('falls back to the span’s parent when its entry shows no title', () => {
    const found = detect(`<ul><li><p id="holder">${span([...ARTICLE, ['rft_id', 'info:doi/10.1234/p']])}</p></li>
      <li>${span([...ARTICLE, ['rft_id', 'info:doi/10.1234/q']])}</li></ul>`);
    expect(found[0]?.anchor?.id).toBe('holder');
  });
});
