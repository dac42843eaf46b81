import { describe, expect, it } from 'vitest';
import { MAX_IDENTIFIERS, paperFromAddress, papersFromIdentifiers } from './address';

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
    // DOIs with slashes of their own, and article numbers that only look like parts.
    ['https://iopscience.iop.org/article/10.1088/0026-1394/12/4/002', 'doi:10.1088/0026-1394/12/4/002', undefined],
    ['https://doi.org/10.1136/bmj.g7594', 'doi:10.1136/bmj.g7594', undefined],
    ['https://doi.org/10.1016/j.comptc.2018.10.004', 'doi:10.1016/j.comptc.2018.10.004', undefined],
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
    // Parts of an article and pages about it: figure, table and supplement DOIs, a figure page,
    // citation export, an author's e-mail form.
    'https://doi.org/10.1371/journal.pone.0213978.g001',
    'https://journals.plos.org/plosone/article/figure/image?size=large&id=10.1371/journal.pone.0213978.t002',
    'https://doi.org/10.1371/journal.pone.0213978.s001',
    'https://doi.org/10.7717/peerj.4375/fig-1',
    'https://doi.org/10.7717/peerj.4375/supp-2',
    'https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/reference',
    'https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/text',
    'https://link.springer.com/article/10.1007/s11926-017-0626-z/figures/1',
    'https://link.springer.com/article/10.1007/s11926-017-0626-z/email/correspondent/c1/new',
  ])('names no paper for %s', (address) => {
    expect(paperFromAddress(address)).toBeNull();
  });
});

describe('papersFromIdentifiers', () => {
  it('reads each kind of identifier, bare or prefixed or as an address, one paper each', () => {
    const { papers, unread } = papersFromIdentifiers(
      [
        'arXiv:2310.03646v2',
        '10.1038/s41586-021-03819-2 doi:10.1145/3292500.3330701',
        'PMID: 31978945',
        'https://openreview.net/forum?id=YicbFdNTTy',
        '2023.acl-long.1 P19-1001 OpenReview:rJl-b3RcF7',
        'hep-th/9901001',
        'https://arxiv.org/abs/2310.03646',
      ].join('\n'),
    );
    expect(unread).toEqual([]);
    expect(papers.map((paper) => [paper.key, paper.title, paper.url])).toEqual([
      ['arxiv:2310.03646', 'arXiv:2310.03646', 'https://arxiv.org/abs/2310.03646'],
      [
        'doi:10.1038/s41586-021-03819-2',
        'doi:10.1038/s41586-021-03819-2',
        'https://doi.org/10.1038/s41586-021-03819-2',
      ],
      ['doi:10.1145/3292500.3330701', 'doi:10.1145/3292500.3330701', 'https://doi.org/10.1145/3292500.3330701'],
      ['pubmed:31978945', 'PMID:31978945', 'https://pubmed.ncbi.nlm.nih.gov/31978945/'],
      ['openreview:YicbFdNTTy', 'OpenReview:YicbFdNTTy', 'https://openreview.net/forum?id=YicbFdNTTy'],
      ['acl:2023.acl-long.1', 'ACL:2023.acl-long.1', 'https://aclanthology.org/2023.acl-long.1/'],
      ['acl:P19-1001', 'ACL:P19-1001', 'https://aclanthology.org/P19-1001/'],
      ['openreview:rJl-b3RcF7', 'OpenReview:rJl-b3RcF7', 'https://openreview.net/forum?id=rJl-b3RcF7'],
      ['arxiv:hep-th/9901001', 'arXiv:hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001'],
    ]);
    for (const paper of papers) {
      expect(paper.authors).toEqual([]);
      expect(paper.source).toBe('identifier');
      expect(paper.pageUrl).toBeUndefined();
    }
  });

  it('drops a sentence’s punctuation but keeps a DOI’s own brackets, and a bioRxiv PDF is its DOI', () => {
    const { papers, unread } = papersFromIdentifiers(
      'See (arXiv:1501.05039), and doi:10.1002/(SICI)1097-4636(199603)30:3<289::AID-JBM3>3.0.CO;2-P.\n' +
        'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3.full.pdf',
    );
    expect(papers.map((paper) => paper.key)).toEqual([
      'arxiv:1501.05039',
      'doi:10.1002/(sici)1097-4636(199603)30:3<289::aid-jbm3>3.0.co;2-p',
      'doi:10.1101/2020.03.22.002386',
    ]);
    expect(papers[2]?.pdfUrl).toBe('https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3.full.pdf');
    expect(unread).toEqual([
      { line: 1, text: 'See' },
      { line: 1, text: 'and' },
    ]);
  });

  it('names each line that names no paper, and reads no more than its cap', () => {
    const { papers, unread } = papersFromIdentifiers(
      '\n1501.05039\n12345\nhttps://example.org/blog/post\njavascript:alert(1)\n',
    );
    expect(papers.map((paper) => paper.key)).toEqual(['arxiv:1501.05039']);
    expect(unread).toEqual([
      { line: 3, text: '12345' },
      { line: 4, text: 'https://example.org/blog/post' },
      { line: 5, text: 'javascript:alert(1)' },
    ]);
    const many = Array.from({ length: MAX_IDENTIFIERS + 5 }, (_, i) => `10.1000/${i}`).join('\n');
    expect(papersFromIdentifiers(many).papers).toHaveLength(MAX_IDENTIFIERS);
  });
});
