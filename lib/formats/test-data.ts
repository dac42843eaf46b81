// The one set of papers every format's golden file is written from (lib/formats/__golden__/),
// chosen for the hard cases: arXiv-only (new and old ids), DOI-only, both, ids without either
// (OpenReview, PubMed), no authors, 60 authors and a cut list, accents and CJK, TeX and Markdown
// specials in titles, a formula-like title for spreadsheets, notes with line breaks, missing dates.
// Only tests import this file.
import { paperKey } from '../paper/ids';
import type { Paper, SavedPaper } from '../paper/model';

// Keys by the rule every reader applies (paperKey), so that a paper read back has the same one.
function paper(fields: Partial<Paper> & { title: string }): Paper {
  const key = paperKey(fields.ids, fields.url);
  if (!key) throw new Error(`test paper without identity: ${fields.title}`);
  return { key, authors: [], source: 'test', ...fields };
}

function saved(fields: Partial<SavedPaper> & Pick<Paper, 'key' | 'title'>): SavedPaper {
  return {
    authors: [],
    source: 'test',
    status: 'unread',
    savedAt: '2024-03-01T10:00:00.000Z',
    updatedAt: '2024-03-01T10:00:00.000Z',
    ...fields,
  };
}

/** An arXiv-only preprint with a cut author list and arXiv categories as keywords. */
export const ATTENTION = paper({
  key: 'arxiv:1706.03762',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
  authorCount: 8,
  published: '2017-06-12',
  ids: { arxiv: '1706.03762', arxivVersion: 7 },
  url: 'https://arxiv.org/abs/1706.03762',
  keywords: ['Computation and Language (cs.CL)', 'Machine Learning (cs.LG)'],
  source: 'arxiv',
});

/** The hard cases, in the order the golden files list them. */
export const GOLDEN_LIBRARY: (Paper | SavedPaper)[] = [
  ATTENTION,
  saved({
    key: 'doi:10.1038/s41586-021-03819-2',
    title: 'Highly accurate protein structure prediction with AlphaFold',
    authors: ['John Jumper', 'Richard Evans', 'Alexander Pritzel'],
    authorCount: 34,
    published: '2021-07-15',
    venue: 'Nature',
    ids: { doi: '10.1038/s41586-021-03819-2', pubmed: '34265844' },
    url: 'https://www.nature.com/articles/s41586-021-03819-2',
    source: 'generic-meta',
    status: 'reading',
    note: 'Compare with RoseTTAFold & ESMFold; 90% of CASP14 targets',
    tags: ['biology'],
    updatedAt: '2024-03-02T10:00:00.000Z',
  }),
  paper({
    key: 'arxiv:1810.04805',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    published: '2019-06',
    venue:
      'Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics',
    ids: { acl: 'N19-1423', doi: '10.18653/v1/n19-1423', arxiv: '1810.04805' },
    url: 'https://aclanthology.org/N19-1423',
    source: 'acl',
  }),
  paper({
    key: 'arxiv:hep-th/9711200',
    title: 'The Large N Limit of Superconformal Field Theories and Supergravity',
    authors: ['Juan Maldacena'],
    published: '1997-11-27',
    ids: { arxiv: 'hep-th/9711200' },
    abstract: 'We show that the large $N$ limit of certain conformal field theories ... includes gravity.',
    source: 'arxiv',
  }),
  paper({
    title: 'Über die Vollständigkeit des Logikkalküls: {A} 100% & $x_1$ study',
    authors: ['Kurt Gödel', '张三'],
    url: 'https://example.org/godel?id=1&lang=de',
    keywords: ['logic', 'Logic in Computer Science (cs.LO)'],
  }),
  paper({ title: 'Über die Vollständigkeit', authors: ['Kurt Gödel'], url: 'https://example.org/godel-2' }),
  paper({ title: 'Anonymous Notes on Everything', url: 'https://example.org/anonymous' }),
  saved({
    key: 'arxiv:2402.00001',
    title: 'A Sixty-Author Study of Ångström-Scale Imaging',
    authors: Array.from({ length: 60 }, (_, n) => `Author${n + 1} Ångström${n + 1}`),
    published: '2024-02',
    ids: { arxiv: '2402.00001', arxivVersion: 2 },
    url: 'https://arxiv.org/abs/2402.00001',
    pdfUrl: 'https://arxiv.org/pdf/2402.00001v2',
    codeUrl: 'https://github.com/example/sixty',
    keywords: ['Image and Video Processing (eess.IV)'],
    source: 'arxiv',
    status: 'read',
    tags: ['imaging', 'to-cite'],
    starred: true,
    note: 'Line one of the note.\nER  - looks like a RIS end, but is my text\n\nA second paragraph.',
  }),
  paper({
    key: 'doi:10.1000/cjk.2021',
    title: '深度学习的基础：一项调查',
    authors: ['张三', '李四', 'Ludwig van Beethoven', 'Martin Luther King Jr.'],
    published: '2021-01-05',
    venue: '计算机学报',
    ids: { doi: '10.1000/cjk.2021' },
    url: 'https://example.cn/paper/2021',
    abstract: '我们研究深度学习。 We study *deep* learning with 50% less data & R&D_budget {braces}.',
  }),
  paper({
    key: 'openreview:AbCdEf123',
    title: '*Bold* claims: [brackets], `code`, <html> | pipes ~ tildes & #hashes_underscores',
    authors: ['Ada Lovelace', 'The ATLAS Collaboration'],
    published: '2023',
    venue: 'ICLR 2024',
    ids: { openreview: 'AbCdEf123' },
    url: 'https://openreview.net/forum?id=AbCdEf123',
  }),
  paper({
    key: 'pubmed:12345678',
    title: '=HYPERLINK("http://evil.example","click") and +1 -1 @cmd',
    authors: ['-Dash Person'],
    ids: { pubmed: '12345678', pmcid: 'PMC7654321' },
    url: 'https://pubmed.ncbi.nlm.nih.gov/12345678/',
  }),
];
