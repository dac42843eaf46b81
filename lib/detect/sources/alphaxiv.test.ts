// The alphaXiv source beyond its fixture: the address gate (paper pages only), versions and old
// ids in the address, and where the title comes from when the page changes under the app.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { alphaxiv } from './alphaxiv';

function detect(html: string, url: string) {
  return alphaxiv.detect(parseHtml(html, url), new URL(url));
}

describe('alphaxiv.matches', () => {
  it.each([
    'https://www.alphaxiv.org/abs/2502.06703',
    'https://www.alphaxiv.org/abs/2502.06703v2',
    'https://alphaxiv.org/overview/2512.21120v1',
    'https://www.alphaxiv.org/abs/hep-th/9901001',
    'https://www.alphaxiv.org/abs/2502.06703?utm_source=x',
  ])('reads %s', (url) => {
    expect(alphaxiv.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://www.alphaxiv.org/',
    'https://www.alphaxiv.org/explore',
    'https://www.alphaxiv.org/abs/not-an-id',
    'https://www.alphaxiv.org/abs/2513.00001',
    'https://www.alphaxiv.org/abs/2502.06703.md',
    'https://arxiv.org/abs/2502.06703',
  ])('leaves %s alone', (url) => {
    expect(alphaxiv.matches(new URL(url))).toBe(false);
  });
});

describe('alphaxiv paper page', () => {
  it('keeps the version and an old-style id from the address', () => {
    const [found] = detect(
      '<title>A | alphaXiv</title><h1>A</h1>',
      'https://www.alphaxiv.org/overview/hep-th/9901001v3',
    );
    expect(found?.paper).toMatchObject({
      key: 'arxiv:hep-th/9901001',
      ids: { arxiv: 'hep-th/9901001', arxivVersion: 3 },
      published: '1999-01',
      url: 'https://www.alphaxiv.org/abs/hep-th/9901001',
      pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001v3',
    });
    expect(found?.anchor?.tagName).toBe('H1');
  });

  it('prefers the <title> to an og:title left from another paper, but og:title to a cut <title>', () => {
    const url = 'https://www.alphaxiv.org/abs/2601.04170';
    const title = (head: string) => detect(`<head>${head}</head><body></body>`, url)[0]?.paper.title;
    expect(title('<title>New Paper | alphaXiv</title><meta property="og:title" content="Old Paper">')).toBe(
      'New Paper',
    );
    expect(
      title(
        '<title>Agent Drift: Quantifying... | alphaXiv</title><meta property="og:title" content="Agent Drift: Quantifying Behavioral Degradation">',
      ),
    ).toBe('Agent Drift: Quantifying Behavioral Degradation');
    expect(title('<meta property="og:title" content="Only Meta">')).toBe('Only Meta');
  });

  it('stands the id in for a title when the page names none, and anchors on the body', () => {
    const [found] = detect(
      '<title>alphaXiv</title><body><div id="root"></div></body>',
      'https://www.alphaxiv.org/abs/2502.06703',
    );
    expect(found?.paper.title).toBe('arXiv:2502.06703');
    expect(found?.anchor?.tagName).toBe('BODY');
  });

  it('yields nothing on an address that names no paper', () => {
    expect(detect('<h1>Explore</h1>', 'https://www.alphaxiv.org/explore')).toEqual([]);
  });
});
