import { describe, expect, it } from 'vitest';
import {
  arxivIdMonth,
  arxivIdOfPath,
  idTerms,
  isArxivDoi,
  normalizeDoi,
  normalizeUrl,
  paperKey,
  parseArxivId,
} from './ids';

describe('parseArxivId', () => {
  it.each([
    ['2310.03646', { id: '2310.03646' }],
    ['2310.03646v2', { id: '2310.03646', version: 2 }],
    ['arXiv:2310.03646v12', { id: '2310.03646', version: 12 }],
    ['0704.0001', { id: '0704.0001' }],
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['math.GT/0309136v3', { id: 'math.GT/0309136', version: 3 }],
    ['cond-mat.mtrl-sci/0101001', null],
    ['cond-mat/0101001', { id: 'cond-mat/0101001' }],
    ['10.48550/arXiv.2310.03646', { id: '2310.03646' }],
    ['https://arxiv.org/abs/2310.03646v2', { id: '2310.03646', version: 2 }],
    ['https://arxiv.org/pdf/2310.03646v2.pdf', { id: '2310.03646', version: 2 }],
    ['https://arxiv.org/pdf/2310.03646', { id: '2310.03646' }],
    ['https://arxiv.org/html/2310.03646v1/', { id: '2310.03646', version: 1 }],
    ['https://www.arxiv.org/abs/hep-th/9901001', { id: 'hep-th/9901001' }],
    ['https://doi.org/10.48550/arXiv.2310.03646', { id: '2310.03646' }],
    ['https://arxiv.org/list/cs.LG/new', null],
    ['https://example.org/abs/2310.03646', null],
    ['2313.03646', null],
    ['1412.12345', null],
    ['2310.0364', null],
    ['1412.1234v1', { id: '1412.1234', version: 1 }],
    ['1501.00001', { id: '1501.00001' }],
    ['2310.036', null],
    ['not an id', null],
  ])('%s', (text, expected) => {
    expect(parseArxivId(text)).toEqual(expected);
  });
});

describe('arxivIdOfPath', () => {
  it('reads what parseArxivId reads from the same path on arxiv.org', () => {
    const paths = [
      '/abs/2310.03646',
      '/abs/2310.03646v2',
      '/pdf/2310.03646v2.pdf',
      '/html/2310.03646v1/',
      '/abs/hep-th/9901001',
      '/abs/math.GT/0309136v3',
      '/abs/arXiv:2310.03646',
      '/abs/2313.03646',
      '/list/cs.LG/new',
      '/format/2310.03646',
      '/abs/',
      '/',
    ];
    for (const path of paths) expect(arxivIdOfPath(path)).toEqual(parseArxivId(`https://arxiv.org${path}`));
    expect(arxivIdOfPath('/abs/2310.03646v2')).toEqual({ id: '2310.03646', version: 2 });
  });
});

describe('normalizeDoi', () => {
  it.each([
    ['10.1145/3368089.3409707', '10.1145/3368089.3409707'],
    ['doi:10.1038/NATURE14539', '10.1038/nature14539'],
    ['https://doi.org/10.1038/Nature14539', '10.1038/nature14539'],
    ['http://dx.doi.org/10.1038/nature14539.', '10.1038/nature14539'],
    [
      '10.1002/(SICI)1097-4636(199601)30:1<1::AID-JBM1>3.0.CO;2-R',
      '10.1002/(sici)1097-4636(199601)30:1<1::aid-jbm1>3.0.co;2-r',
    ],
    ['10.1000/xyz)', '10.1000/xyz'],
    ['https://doi.org/10.1000%2Fabc', '10.1000/abc'],
    ['11.1000/xyz', null],
    ['10.1/xyz', null],
    ['', null],
  ])('%s', (text, expected) => {
    expect(normalizeDoi(text)).toBe(expected);
  });

  it('recognises the DOI arXiv gives a preprint', () => {
    expect(isArxivDoi('10.48550/arxiv.2310.03646')).toBe(true);
    expect(isArxivDoi('10.1038/nature14539')).toBe(false);
  });
});

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://Example.ORG/Paper/', 'https://example.org/Paper'],
    ['https://example.org/', 'https://example.org'],
    ['https://example.org/a?utm_source=x&id=3&fbclid=y#section', 'https://example.org/a?id=3'],
    ['http://example.org:80/a', 'http://example.org/a'],
    ['ftp://example.org/a', null],
    ['javascript:alert(1)', null],
    ['/relative', null],
  ])('%s', (text, expected) => {
    expect(normalizeUrl(text)).toBe(expected);
  });
});

describe('paperKey', () => {
  it('takes the strongest id first', () => {
    expect(paperKey({ doi: '10.1/x', arxiv: '2310.03646', pubmed: '1' }, 'https://a.org')).toBe('arxiv:2310.03646');
    expect(paperKey({ pubmed: '123', doi: '10.1000/x' }, undefined)).toBe('doi:10.1000/x');
    expect(paperKey({ acl: '2021.naacl-main.208', s2: 'abc' }, undefined)).toBe('acl:2021.naacl-main.208');
    expect(paperKey({ dblp: 'conf/x/y' }, 'https://Lab.org/p/?utm_medium=a')).toBe('url:https://lab.org/p');
    expect(paperKey(undefined, undefined)).toBeNull();
  });

  it('lists every id of a paper, key first, once each', () => {
    expect(idTerms({ key: 'arxiv:2310.03646', ids: { arxiv: '2310.03646', arxivVersion: 2, doi: '10.1/x' } })).toEqual([
      'arxiv:2310.03646',
      'doi:10.1/x',
    ]);
    expect(idTerms({ key: 'url:https://a.org' })).toEqual(['url:https://a.org']);
  });
});

describe('arxivIdMonth', () => {
  it.each([
    ['2502.06703', '2025-02'],
    ['0704.0001', '2007-04'],
    ['hep-th/9901001', '1999-01'],
    ['math.GT/0309136', '2003-09'],
    ['not-an-id', undefined],
  ])('%s → %s', (id, month) => {
    expect(arxivIdMonth(id)).toBe(month);
  });
});
