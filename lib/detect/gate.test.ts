import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../scripts/html';
import { worthScanning as gate } from './gate';
import { sources } from './index';

const worthScanning = (doc: Document, url: URL) => gate(sources, doc, url);

const page = (body: string, head = '') =>
  parseHtml(`<html><head>${head}</head><body>${body}</body></html>`, 'https://example.org/');

describe('worthScanning', () => {
  it('lets a known site through whatever its page holds', () => {
    expect(worthScanning(page(''), new URL('https://arxiv.org/list/cs.LG/new'))).toBe(true);
  });

  it.each([
    ['citation tags', page('', '<meta name="citation_title" content="A paper">')],
    ['Dublin Core', page('', '<meta name="DC.Title" content="A paper">')],
    ['JSON-LD', page('<script type="application/ld+json">{}</script>')],
    ['an arXiv link', page('<p>See <a href="https://arxiv.org/abs/2310.03646">this</a></p>')],
    ['a DOI link', page('<a href="https://doi.org/10.1000/xyz">paper</a>')],
    ['a PDF link', page('<a href="/files/Paper.PDF">paper</a>')],
    ['titles under headings beside a venue', page('<h3><a href="/p/1">A title</a></h3><p>In Proc. of ICML 2021</p>')],
    [
      'a Hugo Academic entry that links nothing',
      page(
        '<div class="pub-list-item"><span class="article-metadata"><span>A. Author</span></span> (2019). A title.</div>',
      ),
    ],
    ['titles under headings beside a journal and year', page('<h3><a href="/p/1">A title</a></h3><p>Nature, 2021</p>')],
    // Text runs blocks together: a capitalised venue name may start mid-word, a lower-case one starts a word.
    ['a venue name run into the title', page('<h3><a href="/p/1">A title</a></h3><span>NeurIPS</span>')],
    ['a lower-case venue word', page('<h3><a href="/p/1">A title</a></h3> <span>arXiv preprint</span>')],
    ['a thesis', page('<h3><a href="/p/1">A title</a></h3><p>PhD thesis, 2019</p>')],
    [
      'author lists with years that link nothing',
      page(
        [
          'Zhu, W., Hou, A. B., &amp; Beroza, G. C. (2022)',
          'KM Bastiaans, D Cho, MP Allan (2019)',
          'Xu, K., Zhu, W. (2020)',
        ]
          .map((authors) => `<li>${authors}. A title. A journal.</li>`)
          .join(''),
      ),
    ],
  ])('lets a page with %s through', (_, doc) => {
    expect(worthScanning(doc, new URL('https://example.org/'))).toBe(true);
  });

  it('stops a page with nothing any reader could use', () => {
    const doc = page(
      '<nav><a href="/">Home</a></nav><h1>Welcome</h1><p>Plain text and <a href="/about">a link</a>.</p>',
    );
    expect(worthScanning(doc, new URL('https://example.org/'))).toBe(false);
  });

  it('stops a page whose names and years are not author lists (two bylines, one list)', () => {
    const doc = page(
      '<p>By Jane Doe, 2024.</p><p>Paris, France and Berlin, 2023.</p><p>Zhu, W., Hou, A. B. (2022). A title.</p>',
    );
    expect(worthScanning(doc, new URL('https://example.org/'))).toBe(false);
  });

  it('does not take a lower-case venue word inside another word for one', () => {
    // "hypothesis" holds "thesis", "subarXiv" is no archive.
    const doc = page('<h3><a href="/story/1">On a hypothesis</a></h3><p>the subarXivist desk, in London</p>');
    expect(worthScanning(doc, new URL('https://news.example/'))).toBe(false);
  });

  it('stops headlines that name no venue (a news page), without reading them', () => {
    const story = (n: number) =>
      `<article><h3><a href="/story/${n}">Story ${n}</a></h3><p>Science desk, in London</p></article>`;
    const doc = page(Array.from({ length: 20 }, (_, n) => story(n)).join(''));
    expect(worthScanning(doc, new URL('https://news.example/'))).toBe(false);
  });
});
