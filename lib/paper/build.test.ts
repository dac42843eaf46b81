import { describe, expect, it } from 'vitest';
import { mergePapers, toPaper } from './build';

describe('toPaper', () => {
  it('cleans a draft into the contract shape, omitting what is absent', () => {
    const paper = toPaper({
      title: '  Attention   is\n all you need ',
      authors: ['Ashish  Vaswani', '', '…', 'Noam Shazeer', 'Wei Zhang', 'Wei Zhang'],
      abstract: '   ',
      published: '2017-06-12',
      ids: { arxiv: 'arXiv:1706.03762v7', doi: 'https://doi.org/10.48550/arXiv.1706.03762' },
      url: 'https://arxiv.org/abs/1706.03762',
      pdfUrl: 'javascript:alert(1)',
      codeUrl: 'https://github.com/tensorflow/tensor2tensor',
      upvotes: 3.5,
      stars: 12,
      keywords: ['cs.CL', ' cs.CL', 'cs.LG'],
      source: 'arxiv',
      pageUrl: 'https://arxiv.org/abs/1706.03762v7',
    });
    expect(paper).toEqual({
      key: 'arxiv:1706.03762',
      title: 'Attention is all you need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Wei Zhang', 'Wei Zhang'],
      published: '2017-06-12',
      ids: { arxiv: '1706.03762', arxivVersion: 7 },
      url: 'https://arxiv.org/abs/1706.03762',
      codeUrl: 'https://github.com/tensorflow/tensor2tensor',
      stars: 12,
      keywords: ['cs.CL', 'cs.LG'],
      source: 'arxiv',
      pageUrl: 'https://arxiv.org/abs/1706.03762v7',
    });
  });

  it('keys by DOI when there is no arXiv id, lower-cased', () => {
    const paper = toPaper({ title: 'T', ids: { doi: 'doi:10.1038/Nature14539', pmcid: '3531190' }, source: 'x' });
    expect(paper?.key).toBe('doi:10.1038/nature14539');
    expect(paper?.ids).toEqual({ doi: '10.1038/nature14539', pmcid: 'PMC3531190' });
    expect(paper?.authors).toEqual([]);
  });

  it('keys by the landing address when there is no id', () => {
    expect(toPaper({ title: 'T', url: 'HTTPS://Lab.example/Pubs/paper/?utm_source=x#top', source: 'x' })?.key).toBe(
      'url:https://lab.example/Pubs/paper',
    );
  });

  it('refuses a draft with no title, or with no identity unless a content key is asked for', () => {
    expect(toPaper({ title: ' ', ids: { arxiv: '2310.03646' }, source: 'x' })).toBeNull();
    expect(toPaper({ title: 'A title', source: 'x' })).toBeNull();
    expect(toPaper({ title: 'A title', url: 'mailto:a@b.c', source: 'x' })).toBeNull();
    expect(toPaper({ title: 'A title', source: 'x' }, { contentKey: true })?.key).toMatch(/^ref:[0-9a-f]{16}$/);
  });

  it('drops a date that is not ISO', () => {
    expect(
      toPaper({ title: 'T', ids: { pubmed: '42' }, published: 'Oct 2023', source: 'x' })?.published,
    ).toBeUndefined();
  });
});

describe('mergePapers', () => {
  const hf = toPaper({
    title: 'A paper',
    authors: [],
    ids: { arxiv: '2310.03646' },
    upvotes: 10,
    source: 'huggingface',
  });
  const publisher = toPaper({
    title: 'A Paper (journal version)',
    authors: ['A. Author'],
    authorCount: 3,
    ids: { doi: '10.1000/x', arxiv: '2310.03646v2' },
    venue: 'Journal',
    source: 'generic',
  });

  it('keeps the preferred fields, fills the gaps and unites the ids', () => {
    if (!hf || !publisher) throw new Error('fixture papers must be valid');
    expect(mergePapers(hf, publisher)).toEqual({
      key: 'arxiv:2310.03646',
      title: 'A paper',
      authors: ['A. Author'],
      authorCount: 3,
      ids: { arxiv: '2310.03646', doi: '10.1000/x' },
      upvotes: 10,
      venue: 'Journal',
      source: 'huggingface',
    });
  });

  it('never lets a title that is only an id replace a real one', () => {
    const pdf = toPaper({ title: 'arXiv:2310.03646', ids: { arxiv: '2310.03646' }, source: 'arxiv' });
    if (!pdf || !hf) throw new Error('fixture papers must be valid');
    expect(mergePapers(pdf, hf).title).toBe('A paper');
    expect(mergePapers(hf, pdf).title).toBe('A paper');
    for (const title of ['OpenReview:BJxyz', 'ACL:2021.naacl-main.208', 'PMID:123', 'doi:10.1/x']) {
      expect(mergePapers({ ...hf, title }, hf).title).toBe('A paper');
    }
  });

  it('keeps the more precise of two dates that agree', () => {
    if (!hf) throw new Error('fixture paper must be valid');
    expect(mergePapers({ ...hf, published: '2022' }, { ...hf, published: '2022-04-04' }).published).toBe('2022-04-04');
    expect(mergePapers({ ...hf, published: '2022' }, { ...hf, published: '2023-01-01' }).published).toBe('2022');
  });
});
