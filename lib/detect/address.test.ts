import { describe, expect, it } from 'vitest';
import { paperFromAddress } from './address';

describe('paperFromAddress', () => {
  it('names an arXiv PDF by its id and version', () => {
    expect(paperFromAddress('https://arxiv.org/pdf/2310.03646v2')).toEqual({
      key: 'arxiv:2310.03646',
      title: 'arXiv:2310.03646',
      authors: [],
      ids: { arxiv: '2310.03646', arxivVersion: 2 },
      url: 'https://arxiv.org/abs/2310.03646',
      pdfUrl: 'https://arxiv.org/pdf/2310.03646v2',
      source: 'address',
      pageUrl: 'https://arxiv.org/pdf/2310.03646v2',
    });
  });

  it.each([
    ['https://openreview.net/pdf?id=BJxyz123', 'openreview:BJxyz123', 'https://openreview.net/pdf?id=BJxyz123'],
    ['https://openreview.net/forum?id=BJxyz123', 'openreview:BJxyz123', undefined],
    [
      'https://aclanthology.org/2021.naacl-main.208.pdf',
      'acl:2021.naacl-main.208',
      'https://aclanthology.org/2021.naacl-main.208.pdf',
    ],
    ['https://aclanthology.org/N04-1001/', 'acl:N04-1001', undefined],
    ['https://pubmed.ncbi.nlm.nih.gov/23193287/', 'pubmed:23193287', undefined],
    ['https://doi.org/10.1038/NATURE14539', 'doi:10.1038/nature14539', undefined],
    ['https://dl.acm.org/doi/pdf/10.1145/3368089.3409707', 'doi:10.1145/3368089.3409707', undefined],
    ['https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201915678', 'doi:10.1002/anie.201915678', undefined],
    [
      'https://lab.example.edu/papers/our-paper.pdf',
      'url:https://lab.example.edu/papers/our-paper.pdf',
      'https://lab.example.edu/papers/our-paper.pdf',
    ],
  ])('%s → %s', (address, key, pdfUrl) => {
    const paper = paperFromAddress(address);
    expect(paper?.key).toBe(key);
    expect(paper?.pdfUrl).toBe(pdfUrl);
  });

  it.each([
    'https://arxiv.org/list/cs.LG/new',
    'https://example.com/blog/post',
    'https://aclanthology.org/people/someone/',
    'chrome://extensions',
    'not a url',
  ])('names no paper for %s', (address) => {
    expect(paperFromAddress(address)).toBeNull();
  });
});
