// What the saved-page fixtures do not show: the address gate, every kind of paper link on its own
// (tricky ids included), the text rules (titles, labels, names), entry shapes the fixtures lack,
// and pages that are broken or hostile. Detection here runs this reader alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { paperLinkOf } from '../links';
import { cleanTitle, genericLinks, isLabel, isTitle, isWebSearchPage, parseAuthorList } from './generic-links';

const PAGE = 'https://lab.example.edu/publications';

function detect(body: string, address = PAGE) {
  const doc = parseHtml(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`, address);
  return genericLinks.detect(doc, new URL(address));
}

function papers(body: string, address = PAGE) {
  return detect(body, address).map(({ paper }) => paper);
}

describe('generic-links address gate', () => {
  it('runs on any address (the registry keeps it off site sources) and is a listing reader', () => {
    expect(genericLinks.kind).toBe('listing');
    expect(genericLinks.patterns).toEqual([]);
    expect(genericLinks.matches(new URL('https://lab.example.edu/publications'))).toBe(true);
  });

  it.each([
    'https://www.google.com/search?q=attention+is+all+you+need',
    'https://www.google.co.uk/search?q=transformers',
    'https://www.bing.com/search?q=mamba',
    'https://duckduckgo.com/?q=flashattention',
    'https://html.duckduckgo.com/html/?q=flashattention',
    'https://search.yahoo.com/search?p=bert',
    'https://yandex.ru/search/?text=bert',
    'https://www.baidu.com/s?wd=bert',
    'https://search.brave.com/search?q=bert',
    'https://kagi.com/search?q=bert',
  ])('reads nothing on the web search page %s', (address) => {
    expect(isWebSearchPage(new URL(address))).toBe(true);
    expect(
      papers('<ul><li><a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a></li></ul>', address),
    ).toEqual([]);
  });

  it.each([
    'https://lab.example.edu/publications?q=attention',
    'https://www.google.com/about/',
    'https://research.google/pubs/',
    'https://blog.example.com/search/attention',
  ])('reads %s', (address) => {
    expect(isWebSearchPage(new URL(address))).toBe(false);
  });
});

describe('links to papers', () => {
  it.each([
    ['https://arxiv.org/abs/1706.03762', { arxiv: '1706.03762' }, 'https://arxiv.org/abs/1706.03762', undefined],
    [
      'http://arxiv.org/abs/1706.03762v7',
      { arxiv: '1706.03762', arxivVersion: 7 },
      'https://arxiv.org/abs/1706.03762',
      undefined,
    ],
    [
      'https://arxiv.org/pdf/2312.00752v2',
      { arxiv: '2312.00752', arxivVersion: 2 },
      'https://arxiv.org/abs/2312.00752',
      'https://arxiv.org/pdf/2312.00752v2',
    ],
    [
      'http://arxiv.org/pdf/1301.3781.pdf',
      { arxiv: '1301.3781' },
      'https://arxiv.org/abs/1301.3781',
      'https://arxiv.org/pdf/1301.3781',
    ],
    [
      'https://arxiv.org/abs/hep-th/9711200v2',
      { arxiv: 'hep-th/9711200', arxivVersion: 2 },
      'https://arxiv.org/abs/hep-th/9711200',
      undefined,
    ],
    [
      'https://arxiv.org/html/2410.12345v1',
      { arxiv: '2410.12345', arxivVersion: 1 },
      'https://arxiv.org/abs/2410.12345',
      undefined,
    ],
    [
      'https://ar5iv.labs.arxiv.org/html/1706.03762',
      { arxiv: '1706.03762' },
      'https://arxiv.org/abs/1706.03762',
      undefined,
    ],
    ['https://www.alphaxiv.org/abs/2312.00752', { arxiv: '2312.00752' }, 'https://arxiv.org/abs/2312.00752', undefined],
    [
      'https://huggingface.co/papers/2305.18290',
      { arxiv: '2305.18290' },
      'https://huggingface.co/papers/2305.18290',
      undefined,
    ],
    [
      'https://doi.org/10.48550/arXiv.2205.14135',
      { arxiv: '2205.14135' },
      'https://arxiv.org/abs/2205.14135',
      undefined,
    ],
    [
      'https://doi.org/10.1038/nature14539',
      { doi: '10.1038/nature14539' },
      'https://doi.org/10.1038/nature14539',
      undefined,
    ],
    ['https://dx.doi.org/10.1000%2F182', { doi: '10.1000/182' }, 'https://doi.org/10.1000/182', undefined],
    [
      'https://dl.acm.org/doi/10.1145/3600006.3613165',
      { doi: '10.1145/3600006.3613165' },
      'https://dl.acm.org/doi/10.1145/3600006.3613165',
      undefined,
    ],
    [
      'https://dl.acm.org/doi/pdf/10.1145/3600006.3613165',
      { doi: '10.1145/3600006.3613165' },
      'https://doi.org/10.1145/3600006.3613165',
      'https://dl.acm.org/doi/pdf/10.1145/3600006.3613165',
    ],
    [
      'https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13',
      { doi: '10.1007/978-3-030-58452-8_13' },
      'https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13',
      undefined,
    ],
    [
      'https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201915678',
      { doi: '10.1002/anie.201915678' },
      'https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201915678',
      undefined,
    ],
    [
      'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3.full.pdf',
      { doi: '10.1101/2020.03.22.002386' },
      'https://doi.org/10.1101/2020.03.22.002386',
      'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3.full.pdf',
    ],
    [
      'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456',
      { doi: '10.1371/journal.pone.0123456' },
      'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456',
      undefined,
    ],
    [
      'https://www.nature.com/articles/s41586-021-03819-2',
      { doi: '10.1038/s41586-021-03819-2' },
      'https://www.nature.com/articles/s41586-021-03819-2',
      undefined,
    ],
    [
      'https://openreview.net/forum?id=YicbFdNTTy',
      { openreview: 'YicbFdNTTy' },
      'https://openreview.net/forum?id=YicbFdNTTy',
      undefined,
    ],
    [
      'https://openreview.net/pdf?id=YicbFdNTTy',
      { openreview: 'YicbFdNTTy' },
      'https://openreview.net/forum?id=YicbFdNTTy',
      'https://openreview.net/pdf?id=YicbFdNTTy',
    ],
    [
      'https://aclanthology.org/2021.naacl-main.208.pdf',
      { acl: '2021.naacl-main.208' },
      'https://aclanthology.org/2021.naacl-main.208/',
      'https://aclanthology.org/2021.naacl-main.208.pdf',
    ],
    [
      'https://www.aclweb.org/anthology/P19-1282/',
      { acl: 'P19-1282' },
      'https://aclanthology.org/P19-1282/',
      undefined,
    ],
    [
      'https://pubmed.ncbi.nlm.nih.gov/34265844/',
      { pubmed: '34265844' },
      'https://pubmed.ncbi.nlm.nih.gov/34265844/',
      undefined,
    ],
    [
      'https://www.ncbi.nlm.nih.gov/pubmed/34265844',
      { pubmed: '34265844' },
      'https://pubmed.ncbi.nlm.nih.gov/34265844/',
      undefined,
    ],
    [
      'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8371605/',
      { pmcid: 'PMC8371605' },
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC8371605/',
      undefined,
    ],
    [
      'https://pmc.ncbi.nlm.nih.gov/articles/pmc8371605',
      { pmcid: 'PMC8371605' },
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC8371605/',
      undefined,
    ],
    [
      'https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      { s2: '204e3073870fae3d05bcbc2f6a8e263d9b72e776' },
      'https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      undefined,
    ],
    [
      'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html?utm_source=x',
      {},
      'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
      undefined,
    ],
    [
      'https://proceedings.mlr.press/v202/poli23a/poli23a.pdf',
      {},
      undefined,
      'https://proceedings.mlr.press/v202/poli23a/poli23a.pdf',
    ],
    ['https://ieeexplore.ieee.org/document/7780459', {}, 'https://ieeexplore.ieee.org/document/7780459', undefined],
    ['https://lab.example.edu/papers/workshop.PDF', {}, undefined, 'https://lab.example.edu/papers/workshop.PDF'],
  ])('%s', (href, ids, landing, pdf) => {
    const link = paperLinkOf(href);
    expect(link?.ids).toEqual(Object.fromEntries(Object.entries(ids).filter(([, value]) => value !== undefined)));
    expect(link?.landing).toBe(landing);
    expect(link?.pdf).toBe(pdf);
  });

  it.each([
    'https://arxiv.org/list/cs.LG/recent',
    'https://arxiv.org/a/dao_t_1',
    'https://arxiv.org/search/?query=mamba',
    'https://arxiv.org/abs/1713.00001',
    'https://huggingface.co/papers/date/2026-09-28',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'https://openreview.net/forum?id=',
    'https://aclanthology.org/people/andreas-madsack/',
    'https://aclanthology.org/volumes/2024.interpretnlp-1/',
    'https://aclanthology.org/events/acl-2024/',
    'https://pubmed.ncbi.nlm.nih.gov/?term=alphafold',
    'https://scholar.google.com/scholar?q=attention',
    'https://www.semanticscholar.org/author/Ashish-Vaswani/40348417',
    'https://github.com/example-org/flash-sparse-attention/blob/main/paper.pdf',
    'https://github.com/state-spaces/mamba',
    'https://doi.org/not-a-doi',
    'https://example.com/releases/10.2024/notes',
    'mailto:someone@example.org',
    'javascript:void(0)',
  ])('%s names no paper', (href) => {
    expect(paperLinkOf(href)).toBeNull();
  });
});

describe('titles, labels and names', () => {
  it.each([
    'Attention Is All You Need',
    'Segment Anything',
    'mT5: A Massively Multilingual Pre-trained Text-to-Text Transformer',
    'word2vec Explained: Deriving Mikolov et al.’s Negative-Sampling Word-Embedding Method',
    '3D Gaussian Splatting for Real-Time Radiance Field Rendering',
    'Listen, Attend and Spell',
    'Open Problems in Mechanistic Interpretability',
    'Next Generation Sequencing of Ancient DNA',
    'Media Bias and Reputation',
    'Volume Rendering of Sparse Data',
  ])('"%s" is a title', (text) => {
    expect(isTitle(text)).toBe(true);
  });

  it.each([
    'PDF',
    '[pdf]',
    'arXiv',
    'Paper (arXiv)',
    'see the paper',
    'Project page',
    'Code',
    'https://arxiv.org/abs/1706.03762',
    'arXiv:1706.03762',
    '10.1145/3600006.3613165',
    'Read the study',
    'Download the full report',
    'Vaswani et al. (2017)',
    'Vaswani et al.',
    'Smith and Jones, 2020',
    'this recent work',
    'Performers',
    'Suggested Readings:',
    'Jun 2024',
    '',
    // An article page's reference database links, image, export, share and navigation links
    // (the real Nature, Frontiers, IOP and Springer pages under tests/fixtures/highwire/).
    'PubMed Central',
    'Google Scholar',
    'CAS',
    'Reference Manager',
    'Simple Text file',
    'Share on Mendeley (opens new window)',
    'Previous article in issue',
    'Next article in issue',
    'PNG larger image',
    'Media Coverage',
    'Preview PDF',
    'HTML (experimental)',
    'Volume 5 - 2014',
  ])('"%s" is not a title', (text) => {
    expect(isTitle(text)).toBe(false);
  });

  it('sees labels as labels, and a title or prose as neither', () => {
    expect(['PDF', '[code]', 'Paper (arXiv)', 'Project Page', 'doi:10.1038/nature14539', ''].map(isLabel)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isLabel('Attention Is All You Need')).toBe(false);
    expect(isLabel('read the study')).toBe(false);
  });

  it('strips the labels wrapped around a title', () => {
    expect(cleanTitle('[PDF] Deep Residual Learning for Image Recognition')).toBe(
      'Deep Residual Learning for Image Recognition',
    );
    expect(cleanTitle('KAN: Kolmogorov-Arnold Networks (arXiv)')).toBe('KAN: Kolmogorov-Arnold Networks');
    expect(cleanTitle('“Accurate structure prediction with AlphaFold 3 (Nature).”')).toBe(
      'Accurate structure prediction with AlphaFold 3',
    );
    expect(cleanTitle('GloVe: Global Vectors for Word Representation.')).toBe(
      'GloVe: Global Vectors for Word Representation',
    );
    // A venue tag before the title (a personal page's "[IEEE BigData'22] Title"), bracket kept or not.
    expect(cleanTitle("[IEEE BigData'22] SCM-VAE: Learning Identifiable Causal Representations")).toBe(
      'SCM-VAE: Learning Identifiable Causal Representations',
    );
    expect(cleanTitle("ECAI'24] Causal Diffusion Autoencoders")).toBe('Causal Diffusion Autoencoders');
  });

  it('reads an initial A as an initial, and two names beside a semicolon as two', () => {
    expect(parseAuthorList('MP Allan, MH Fischer, O Ostojic, A Andringa')).toEqual([
      'MP Allan',
      'MH Fischer',
      'O Ostojic',
      'A Andringa',
    ]);
    expect(parseAuthorList('A Survey')).toBeNull();
    expect(parseAuthorList('J Osterwalder, A Tamai, W Auwärter; MP Allan, T Greber')).toEqual([
      'J Osterwalder',
      'A Tamai',
      'W Auwärter',
      'MP Allan',
      'T Greber',
    ]);
  });

  it('reads author lists, and nothing that is not one', () => {
    expect(parseAuthorList('Tri Dao, Daniel Y. Fu, Stefano Ermon, Atri Rudra, and Christopher Ré')).toEqual([
      'Tri Dao',
      'Daniel Y. Fu',
      'Stefano Ermon',
      'Atri Rudra',
      'Christopher Ré',
    ]);
    expect(parseAuthorList('Vaswani, A., Shazeer, N., Kaiser, Ł., & Polosukhin, I. (2017).')).toEqual([
      'A. Vaswani',
      'N. Shazeer',
      'Ł. Kaiser',
      'I. Polosukhin',
    ]);
    expect(parseAuthorList('Jane Doe*, John Roe†, Nando de Freitas1,2')).toEqual([
      'Jane Doe',
      'John Roe',
      'Nando de Freitas',
    ]);
    // "et al." and "…" end a list; they are not names.
    expect(parseAuthorList('Ashish Vaswani, Noam Shazeer, et al.')).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(parseAuthorList('Jan Kautz, Jian Sun and Jun-Yan Zhu')).toEqual(['Jan Kautz', 'Jian Sun', 'Jun-Yan Zhu']);
    expect(parseAuthorList('by Tri Dao and Albert Gu')).toEqual(['Tri Dao', 'Albert Gu']);
    for (const text of [
      'Attention Is All You Need',
      'Thu Jan 8',
      'Suggested Readings:',
      'Best Paper Award',
      'Vaswani et al.',
    ]) {
      expect(parseAuthorList(text), text).toBeNull();
    }
  });
});

describe('generic-links entries', () => {
  it("makes one paper of an entry's links, the strongest id keying it, every id kept", () => {
    const [found, ...rest] = detect(`<ul>
      <li><b>Efficient Memory Management for Large Language Model Serving with PagedAttention</b><br>
        Woosuk Kwon, Zhuohan Li, Ion Stoica<br><i>SOSP</i>, 2023<br>
        [<a href="https://dl.acm.org/doi/10.1145/3600006.3613165">paper</a>]
        [<a href="https://arxiv.org/abs/2309.06180">arXiv</a>]
        [<a href="https://pubmed.ncbi.nlm.nih.gov/12345678/">PubMed</a>]
        [<a href="https://github.com/vllm-project/vllm">code</a>]</li></ul>`);
    expect(rest).toEqual([]);
    expect(found?.paper).toMatchObject({
      key: 'arxiv:2309.06180',
      ids: { arxiv: '2309.06180', doi: '10.1145/3600006.3613165', pubmed: '12345678' },
      authors: ['Woosuk Kwon', 'Zhuohan Li', 'Ion Stoica'],
      venue: 'SOSP',
      published: '2023-09',
      codeUrl: 'https://github.com/vllm-project/vllm',
    });
    expect(found?.anchor?.tagName).toBe('B');
  });

  it('makes two papers of a paragraph citing two titles, and nothing of a title-less "paper" link', () => {
    const found = papers(`<p>We build on <a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a>
      (Vaswani et al., 2017) and <a href="https://arxiv.org/abs/1810.04805v2">BERT: Pre-training of Deep Bidirectional
      Transformers for Language Understanding</a>. For speed, see the <a href="https://arxiv.org/abs/2205.14135">paper</a>
      and <a href="https://arxiv.org/abs/2009.14794">Performers</a>.</p>`);
    expect(found.map((paper) => [paper.key, paper.title, paper.published, paper.ids?.arxivVersion])).toEqual([
      ['arxiv:1706.03762', 'Attention Is All You Need', '2017-06', undefined],
      [
        'arxiv:1810.04805',
        'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
        '2018-10',
        2,
      ],
    ]);
  });

  it('reads a title from the term of a definition list whose description holds the links', () => {
    const found = papers(`<dl>
      <dt>Denoising Diffusion Probabilistic Models</dt>
      <dd>Jonathan Ho, Ajay Jain, Pieter Abbeel. NeurIPS 2020. <a href="https://arxiv.org/abs/2006.11239">[arXiv]</a></dd>
      <dt>Old-style ids still count</dt>
      <dd>Juan Maldacena and Jane Doe. <a href="https://arxiv.org/abs/hep-th/9711200">arXiv</a></dd></dl>`);
    expect(found.map((paper) => [paper.key, paper.title, paper.authors, paper.venue, paper.published])).toEqual([
      [
        'arxiv:2006.11239',
        'Denoising Diffusion Probabilistic Models',
        ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
        'NeurIPS 2020',
        '2020-06',
      ],
      ['arxiv:hep-th/9711200', 'Old-style ids still count', ['Juan Maldacena', 'Jane Doe'], undefined, '1997-11'],
    ]);
  });

  it('reads a citation written as one sentence after another, the title quoted or plain', () => {
    const found = papers(`<ol>
      <li>Kaiming He, Xiangyu Zhang, Shaoqing Ren, and Jian Sun. “Deep Residual Learning for Image Recognition.” In
        <i>Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)</i>, 2016.
        <a href="https://ieeexplore.ieee.org/document/7780459">[IEEE]</a></li>
      <li>Diederik P. Kingma and Jimmy Ba. Adam: A Method for Stochastic Optimization. ICLR 2015.
        <a href="https://arxiv.org/abs/1412.6980">arXiv</a></li></ol>`);
    expect(found.map((paper) => [paper.key, paper.title, paper.authors.length, paper.venue, paper.published])).toEqual([
      [
        'url:https://ieeexplore.ieee.org/document/7780459',
        'Deep Residual Learning for Image Recognition',
        4,
        'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
        '2016',
      ],
      ['arxiv:1412.6980', 'Adam: A Method for Stochastic Optimization', 2, 'ICLR 2015', '2014-12'],
    ]);
  });

  it('takes a bare PDF only as part of a citation, and never a companion PDF', () => {
    expect(
      papers(`<ul>
        <li><a href="/files/annual-report-2025.pdf">Annual Report 2025 (PDF)</a></li>
        <li><a href="/files/brochure.pdf">Our Research in Numbers</a></li>
        <li><b>Sparse Caches</b>. Jane Doe, John Roe. [<a href="/slides/sparse.pdf">slides</a>] [<a href="/poster.pdf">poster</a>]</li>
      </ul>`),
    ).toEqual([]);
    const [found] = papers(`<ul><li><a href="/papers/sparse.pdf">Sparse Caches for Long-Context Inference</a>.
      Jane Doe and John Roe. ES-FoMo Workshop, 2024.</li></ul>`);
    expect(found).toMatchObject({
      key: 'url:https://lab.example.edu/papers/sparse.pdf',
      url: 'https://lab.example.edu/papers/sparse.pdf',
      pdfUrl: 'https://lab.example.edu/papers/sparse.pdf',
      authors: ['Jane Doe', 'John Roe'],
      venue: 'ES-FoMo Workshop',
      published: '2024',
    });
  });

  it('leaves navigation, page headers and footers, sidebars and forms alone', () => {
    const link = '<a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a>';
    expect(
      papers(`<header>${link}</header><nav><ul><li>${link}</li></ul></nav><aside><ul><li>${link}</li></ul></aside>
        <div role="navigation">${link}</div><form><p>${link}</p></form><footer><p>${link}</p></footer>`),
    ).toEqual([]);
    // An article's own header is part of the article.
    expect(papers(`<article><header><h2>${link}</h2></header><p>Jane Doe</p></article>`)).toHaveLength(1);
  });

  it('does not take a lab news item ("Jul 2024: … accepted! [arXiv]") for a paper', () => {
    expect(
      papers(`<ul class="news">
        <li><b>Jul 2024</b>: Mamba accepted at COLM 2024! [<a href="https://arxiv.org/abs/2312.00752">arXiv</a>]</li>
        <li><b>Update</b>: see the <a href="https://arxiv.org/abs/2312.00752">paper</a>.</li></ul>`),
    ).toEqual([]);
  });

  it('anchors each paper on its title element in the page, and leaves the page as it was', () => {
    const html = readFileSync(
      join(import.meta.dirname, '../../../tests/fixtures/generic-links/lab-publications-synthetic/page.html'),
      'utf8',
    );
    const doc = parseHtml(html, PAGE);
    const before = doc.documentElement.outerHTML;
    const found = genericLinks.detect(doc, new URL(PAGE));
    expect(found.map(({ anchor }) => anchor?.tagName)).toEqual([
      'STRONG',
      'STRONG',
      'STRONG',
      'STRONG',
      'STRONG',
      'STRONG',
      'STRONG',
    ]);
    expect(found.every(({ anchor }) => anchor?.ownerDocument === doc && doc.contains(anchor))).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it("finds the search results of search-engine-synthetic only because the page is a search engine's", () => {
    const html = readFileSync(
      join(import.meta.dirname, '../../../tests/fixtures/generic-links/search-engine-synthetic/page.html'),
      'utf8',
    );
    const elsewhere = 'https://intranet.example.com/saved-results.html';
    const found = genericLinks.detect(parseHtml(html, elsewhere), new URL(elsewhere));
    expect(found.map(({ paper }) => paper.key)).toContain('arxiv:1706.03762');
  });
});

describe('generic-links on entries that are a title and labelled links', () => {
  it('reads a bare title line whose PDF link names the paper (a Hugo Academic "compact" list), not a badge row', () => {
    const entry = (title: string, pdf: string) => `<li>${title}
      <p><a href="https://lab.example.edu/publications/x/">Project</a> <a href="${pdf}">PDF</a> <a href="https://github.com/lab/x">Code</a></p></li>`;
    const list = `<ul>${entry('Deep Bayesian Quadrature Policy Optimization', 'https://arxiv.org/pdf/2006.15637.pdf')}${entry(
      'A Randomized Kernel-Based Secret Image Sharing Scheme',
      'https://arxiv.org/pdf/1810.00181.pdf',
    )}</ul>`;
    expect(papers(list).map((paper) => [paper.key, paper.title])).toEqual([
      ['arxiv:2006.15637', 'Deep Bayesian Quadrature Policy Optimization'],
      ['arxiv:1810.00181', 'A Randomized Kernel-Based Secret Image Sharing Scheme'],
    ]);
    // A PDF on a host that names no paper is no identifier; nor are a row of badges' alt texts a title.
    expect(papers(list.replaceAll('https://arxiv.org/pdf/', 'https://files.example.org/'))).toEqual([]);
    const badges = `<p><a href="https://pypi.org/project/x"><img alt="PyPI"></a> <a href="https://opensource.org/licenses/MIT"><img alt="License: MIT"></a> <a href="https://arxiv.org/abs/2406.01234"><img alt="arXiv"></a></p>`;
    expect(papers(badges)).toEqual([]);
  });
});

describe('generic-links on "[VENUE] Title. Authors. Venue, Year. [arXiv] [Code]" entries', () => {
  const entry = (title: string, extra = '') => `<li><b>[EMNLP'25 Main]</b> ${title}
    <br /><u>Ana Ruiz</u>, Karl Berg. <br> <i>Proceedings of the 2025 Conference on Empirical Methods in Natural Language Processing</i>, 2025.
    ${extra}<br> <a href="https://arxiv.org/abs/2506.11034">[arXiv]</a> <a href="https://github.com/x/y">[Code]</a></li>`;

  it('reads the title after a bracketed tag that names a venue, and across a line break', () => {
    expect(papers(`<ul>${entry('CausalVLBench: Benchmarking Visual Causal Reasoning.')}</ul>`)[0]?.title).toBe(
      'CausalVLBench: Benchmarking Visual Causal Reasoning',
    );
    expect(papers(`<ul>${entry('A Survey on <br> Causal Generative Modeling')}</ul>`)[0]?.title).toBe(
      'A Survey on Causal Generative Modeling',
    );
  });

  it('does not take an award in bold after the venue for the title', () => {
    const [paper] = papers(`<ul>${entry('Learning Causal Mechanisms.', '<br> <b>Long Oral: top 2.3%</b>')}</ul>`);
    expect(paper?.title).toBe('Learning Causal Mechanisms');
  });

  it('does not join a one-line summary under the title (a lab list)', () => {
    const list = `<ul><li><b>[Nature'19]</b> A strongly inhomogeneous superfluid in an iron-based superconductor
      <br>We succeeded in measuring the superfluid density with atomic resolution on an unconventional superconductor!
      <br>Ana Ruiz, Karl Berg. <br> <i>Nature</i> 571, 541 (2019). <a href="https://doi.org/10.1038/s41586-019-1408-8">[pdf]</a></li></ul>`;
    expect(papers(list)[0]?.title).toBe('A strongly inhomogeneous superfluid in an iron-based superconductor');
  });
});

describe('generic-links on citations that link no paper', () => {
  const fixture = (name: string): { doc: Document; url: URL } => {
    const dir = join(import.meta.dirname, '../../../tests/fixtures/generic-links', name);
    const { url } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url: string };
    return { doc: parseHtml(readFileSync(join(dir, 'page.html'), 'utf8'), url), url: new URL(url) };
  };

  it("reads a paper linked only by its page on AAAI's own site (jamadandi-academicpages)", () => {
    const { doc, url } = fixture('jamadandi-academicpages');
    const found = genericLinks.detect(doc, url).map(({ paper }) => paper);
    expect(found.find((paper) => paper.url?.startsWith('https://aaai.org/papers/15801-'))).toMatchObject({
      title: 'Graph of Thrones: Adversarial Perturbations dismantle Aristocracy in Graphs',
      authors: ['Adarsh Jamadandi', 'Uma Mudenagudi'],
    });
  });

  it('takes the plain title of an APA entry, not the journal in italics after it (taylor-apa-list)', () => {
    const { doc, url } = fixture('taylor-apa-list');
    const titles = new Map(genericLinks.detect(doc, url).map(({ paper }) => [paper.key, paper.title]));
    expect(titles.get('doi:10.1162/nol.a.19')).toBe(
      'Beyond Letters: Optimal Transport as a Model for Sub-Letter Orthographic Processing',
    );
    expect(titles.get('doi:10.3758/s13428-020-01389-1')).toBe(
      'LexOPS: An R package and user interface for the controlled generation of word stimuli',
    );
    // A thesis's title is the italics themselves, without their degree tag: "(2022). <i>Title [PhD]</i>".
    expect(titles.get('doi:10.5525/gla.thesis.83081')).toBe(
      'The Processing of Orthography in Visual Word Recognition and its Sensitivity to Top-Down Modulation',
    );
  });

  it('reads an APA list that links nothing (ai4eps-mkdocs): authors (year). Title. Venue.', () => {
    const { doc, url } = fixture('ai4eps-mkdocs');
    const found = genericLinks.detect(doc, url).map(({ paper }) => paper);
    expect(found).toHaveLength(22);
    expect(found[0]).toMatchObject({
      title: 'QuakeFlow: A Scalable Machine-learning-based Earthquake Monitoring Workflow with Cloud Computing',
      authors: ['W. Zhu', 'A. B. Hou', 'R. Yang', 'A. Datta', 'S. M. Mousavi', 'W. L. Ellsworth', 'G. C. Beroza'],
      published: '2022',
    });
    // No id and no address: the content key, the same for the same entry read twice.
    expect(found[0]?.key).toMatch(/^ref:[0-9a-f]{16}$/);
    expect(found.every((paper) => paper.authors.includes('W. Zhu'))).toBe(true);
  });

  it("reads a plain line, an author list and a publisher's page (allan-lab-publications), never press links as titles", () => {
    const { doc, url } = fixture('allan-lab-publications');
    const found = genericLinks.detect(doc, url).map(({ paper }) => paper);
    const titles = found.map((paper) => paper.title);
    expect(found.find((paper) => paper.title.startsWith('Robust procedure'))).toMatchObject({
      authors: ['S Tewari', 'KM Bastiaans', 'MP Allan', 'JM van Ruitenbeek'],
      published: '2017',
      url: 'http://www.beilstein-journals.org/bjnano/content/pdf/2190-4286-8-238.pdf',
    });
    expect(found.find((paper) => paper.title.startsWith('Imaging Cooper pairing'))).toMatchObject({
      venue: 'Nature Physics 9, 468',
      url: 'http://www.nature.com/nphys/journal/vaop/ncurrent/abs/nphys2671.html',
    });
    // "See also … Leiden University news" and "Featured in 'News and Views' by …" follow the venue.
    expect(titles.filter((title) => /news|featured/i.test(title))).toEqual([]);
    // A line cut at a quote ("… in the “parent” state …") is no title: that entry gives nothing.
    expect(titles.filter((title) => /\sthe$/.test(title))).toEqual([]);
    expect(titles).toContain('Creating better superconductors by periodic nanopatterning');
  });

  const entry = (title: string, authors: string, year: number) =>
    `<li><b>${title}</b><br>${authors}<br>In Proceedings of the Workshop, ${year}. <a href="#">[pdf]</a></li>`;

  it('takes such entries only when an author is named in another entry of the page too', () => {
    const owned = `<ul>${entry('Sparse Scene Graphs for Detection', 'Ana Ortiz and Wei Zhang', 2023)}${entry(
      'Learning Depth from Focal Stacks',
      'Jonas Becker and Ana Ortiz',
      2022,
    )}</ul>`;
    expect(papers(owned).map((paper) => [paper.title, paper.authors, paper.published])).toEqual([
      ['Sparse Scene Graphs for Detection', ['Ana Ortiz', 'Wei Zhang'], '2023'],
      ['Learning Depth from Focal Stacks', ['Jonas Becker', 'Ana Ortiz'], '2022'],
    ]);
    // Strangers' names (a news list, a shop's reviews) make no publication list; nor does a byline.
    const strangers = owned.replace('Jonas Becker and Ana Ortiz', 'Jonas Becker and Lea Roth');
    expect(papers(strangers)).toEqual([]);
    expect(papers(owned.replaceAll('<br>Ana', '<br>By Ana').replace('<br>Jonas', '<br>By Jonas'))).toEqual([]);
  });

  it('leaves an entry whose title is a heading link to generic-cards, and an entry with COinS to the coins reader', () => {
    const card = (title: string) =>
      `<div class="card"><h3><a href="/p/${title.length}">${title}</a></h3><p>Ana Ortiz, Wei Zhang</p><p>NeurIPS 2023</p></div>`;
    expect(
      papers(`<div>${card('Sparse Scene Graphs for Detection')}${card('Learning Depth from Focal Stacks')}</div>`),
    ).toEqual([]);
    const coins = '<span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft.genre=book"></span>';
    const list = `<ul>${entry('Sparse Scene Graphs for Detection', 'Ana Ortiz and Wei Zhang', 2023)}${entry(
      'Learning Depth from Focal Stacks',
      'Jonas Becker and Ana Ortiz',
      2022,
    )}</ul>`.replaceAll('</li>', `${coins}</li>`);
    expect(papers(list)).toEqual([]);
  });
});

describe('generic-links on broken pages', () => {
  it('returns fewer papers, never throws', () => {
    const broken = [
      '',
      '<a>no href</a><a href="">empty</a><a href="http://[::1">bad address</a><a href="https://arxiv.org/abs/">no id</a>',
      '<ul><li><a href="https://arxiv.org/abs/1706.03762"></a></li><li><a href="https://doi.org/10.1000/">x</a></li></ul>',
      `<table><tr><td><a href="https://arxiv.org/abs/1706.03762"><img src="x.png"></a></td></tr></table>`,
      `<div>${'<div>'.repeat(200)}<a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a>${'</div>'.repeat(200)}</div>`,
      '<p><a href="https://openreview.net/forum?id=a%20b">Spaces In The Id Are Not Ids</a></p>',
    ];
    for (const body of broken) expect(() => detect(body)).not.toThrow();
    expect(papers(broken[1] ?? '')).toEqual([]);
    expect(papers(broken[2] ?? '')).toEqual([]);
    expect(papers(broken[3] ?? '')).toEqual([]);
    expect(papers(broken[5] ?? '')).toEqual([]);
    // Deep nesting has no entry block around the link: the link itself is the entry.
    expect(papers(broken[4] ?? '').map((paper) => paper.key)).toEqual(['arxiv:1706.03762']);
  });

  it('reads a document without a body', () => {
    const doc = parseHtml('<html></html>', PAGE);
    doc.body?.remove();
    expect(genericLinks.detect(doc, new URL(PAGE))).toEqual([]);
  });
});
