// Each service against real recorded responses (tests/fixtures/services, origins in tests/fixtures/SOURCES.md):
// what each yields, field by field, checked by hand against the recording.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Query, ServiceId, ServiceRequest } from '../types';
import { markupToText } from './common';
import { SERVICES } from './index';
import { invertedAbstract } from './openalex';

const RECORDINGS = join(import.meta.dirname, '../../../tests/fixtures/services');

function recorded(name: string): { url: string; body: string } {
  const file = JSON.parse(readFileSync(join(RECORDINGS, `${name}.json`), 'utf8')) as {
    interactions: { request: { url: string }; response: { body: string } }[];
  };
  const first = file.interactions[0];
  if (!first) throw new Error(`${name} has no interaction`);
  return { url: first.request.url, body: first.response.body };
}

const query = (key: string, ids: Query['ids'], kind: Query['kind'] = 'record', title = ''): Query => ({
  key,
  kind,
  ids,
  title,
});

function parse(service: ServiceId, name: string, queries: Query[], method: 'GET' | 'POST' = 'GET') {
  const request: ServiceRequest = { service, method, url: recorded(name).url, queries };
  return SERVICES[service].parse(recorded(name).body, request);
}

describe('arXiv', () => {
  it('reads an Atom feed: authors, abstract, first version date, and the published version the authors give', () => {
    const result = parse('arxiv', 'arxiv/query-search-ten', [
      query('a', { arxiv: '1501.05039' }),
      query('b', { arxiv: '1503.01162' }),
      query('c', { arxiv: '0808.0631' }),
      query('gone', { arxiv: '2101.00001' }),
    ]);
    expect(result.missing).toEqual(['gone']);
    const [a, b, c] = result.found;
    expect(a?.fields).toMatchObject({
      title: 'Defining Data Science',
      authors: ['Yangyong Zhu', 'Yun Xiong'],
      published: '2015-01-21',
      type: 'preprint',
      url: 'https://arxiv.org/abs/1501.05039',
      pdfUrl: 'http://arxiv.org/pdf/1501.05039v1',
    });
    // The summary's line breaks and leading spaces are folded.
    expect(a?.fields.abstract).toMatch(
      /^Data science is gaining more and more and widespread attention, but no consensus/,
    );
    expect(a?.publication).toBeUndefined();
    expect(b?.fields.authors).toEqual(['Peter Garik', 'Yann Benétreau-Dupin']);
    // `&amp;` in the journal reference is read once.
    expect(b?.publication).toEqual({
      doi: '10.1007/s11191-014-9716-8',
      venue: 'Science & Education, September 2014, 23(9): 1853-1873',
    });
    expect(c?.fields.title).toBe('Comment: The 2005 Neyman Lecture: Dynamic Indeterminism in Science');
    expect(c?.publication).toEqual({
      doi: '10.1214/07-sts246b',
      venue: 'Statistical Science 2008, Vol. 23, No. 1, 65-68',
    });
  });

  it('asks for many ids in one request, 50 at most, once every three seconds', () => {
    const queries = Array.from({ length: 120 }, (_, i) =>
      query(`k${i}`, { arxiv: `2101.${String(i).padStart(5, '0')}` }),
    );
    const requests = SERVICES.arxiv.requests([...queries, query('doi-only', { doi: '10.1/x' })], {});
    expect(requests.map((request) => request.queries.length)).toEqual([50, 50, 20]);
    expect(requests[0]?.url).toMatch(/^https:\/\/export\.arxiv\.org\/api\/query\?id_list=2101\.00000%2C2101\.00001%2C/);
    expect(SERVICES.arxiv.rate).toEqual({ requests: 1, perMs: 3_000 });
  });

  it('gives nothing for text that is not a feed, and says so', () => {
    expect(parse('arxiv', 'crossref/work-not-found', [query('a', { arxiv: '1501.05039' })]).found).toEqual([]);
  });
});

describe('Crossref', () => {
  it('reads a work: structured authors and editors, container, volume, issue, page, publisher, ISSN, date', () => {
    const result = parse('crossref', 'crossref/work-journal-article', [
      query('d', { doi: '10.1371/journal.pone.0033693' }),
    ]);
    expect(result.missing).toEqual([]);
    const [work] = result.found;
    expect(work?.fields).toMatchObject({
      title:
        'Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice',
      authors: ['Shankar Sadasivan', 'Brooks B. Pond', 'Amar K. Pani', 'Chunxu Qu', 'Yun Jiao', 'Richard J. Smeyne'],
      container: 'PLoS ONE',
      volume: '7',
      issue: '3',
      pages: 'e33693',
      publisher: 'Public Library of Science (PLoS)',
      type: 'article',
      issued: '2012-03-21',
      issn: '1932-6203',
      language: 'en',
      editors: [{ family: 'Borlongan', given: 'Cesario V.' }],
    });
    expect(work?.fields.names?.[0]).toEqual({ family: 'Sadasivan', given: 'Shankar' });
    expect(work?.ids).toEqual({ doi: '10.1371/journal.pone.0033693' });
    expect(work?.publication).toBeUndefined();
  });

  it('answers "not found" with no finding (the runner reads the 404 itself)', () => {
    const result = parse('crossref', 'crossref/work-not-found', [query('d', { doi: '10.1371/notarealdoi' })]);
    expect(result.found).toEqual([]);
    expect(result.problems).toEqual(['Crossref answered with something other than a work.']);
  });

  it('finds the record of a paper with no identifier by title, first author and year, and nothing else', () => {
    const title =
      'Methylphenidate exposure induces dopamine neuron loss and activation of microglia in the basal ganglia of mice';
    const asked = { ...query('t', {}, 'record', title), firstFamily: 'Sadasivan', year: '2012' };
    const [work] = parse('crossref', 'crossref/work-journal-article', [asked]).found;
    expect(work?.ids).toEqual({ doi: '10.1371/journal.pone.0033693' });
    expect(work?.fields.container).toBe('PLoS ONE');
    // Another first author, or a year far off: not this paper.
    expect(parse('crossref', 'crossref/work-journal-article', [{ ...asked, firstFamily: 'Smith' }]).found).toEqual([]);
    expect(parse('crossref', 'crossref/work-journal-article', [{ ...asked, year: '1998' }]).found).toEqual([]);
    const [request] = SERVICES.crossref.requests([asked], { contact: 'me@example.org' });
    expect(request?.url).toBe(
      `https://api.crossref.org/works?query.bibliographic=${encodeURIComponent(title)}&query.author=Sadasivan&rows=5&mailto=me%40example.org`,
    );
  });

  it('asks for one DOI by path, several through a filter, with the contact address when given', () => {
    const one = SERVICES.crossref.requests([query('d', { doi: '10.1371/journal.pone.0033693' })], {});
    expect(one.map((request) => request.url)).toEqual(['https://api.crossref.org/works/10.1371/journal.pone.0033693']);
    const two = SERVICES.crossref.requests(
      [query('a', { doi: '10.1/a' }), query('b', { doi: '10.1/b' })],
      { contact: 'me@example.org' },
      'http://127.0.0.1:9000',
    );
    expect(two.map((request) => request.url)).toEqual([
      'http://127.0.0.1:9000/works?filter=doi:10.1/a,doi:10.1/b&rows=2&mailto=me%40example.org',
    ]);
  });
});

describe('PubMed', () => {
  it('reads MEDLINE XML: names with initials, journal, volume, issue, pages, month, DOI; an unknown id is missing', () => {
    const result = parse('pubmed', 'pubmed/efetch-two-articles', [
      query('p1', { pubmed: '11748933' }),
      query('p2', { pubmed: '11700088' }),
      query('p3', { pubmed: '1' }),
    ]);
    expect(result.missing).toEqual(['p3']);
    const [first, second] = result.found;
    expect(first?.fields).toMatchObject({
      title:
        'Is cryopreservation a homogeneous process? Ultrastructure and motility of untreated, prefreezing, and postthawed spermatozoa of Diplodus puntazzo (Cetti).',
      container: 'Cryobiology',
      volume: '42',
      issue: '4',
      pages: '244–55',
      issued: '2001-06',
      issn: '0011-2240',
      type: 'article',
    });
    expect(first?.fields.authors).toHaveLength(8);
    expect(first?.fields.names?.[0]).toEqual({ family: 'Taddei', given: 'A R' });
    expect(first?.fields.abstract).toMatch(/^This study subdivides the cryopreservation procedure/);
    expect(first?.ids).toEqual({ doi: '10.1006/cryo.2001.2328', pubmed: '11748933' });
    expect(second?.fields.container).toBe('Journal of magnetic resonance (San Diego, Calif. : 1997)');
    expect(second?.fields.names?.at(-1)).toEqual({ family: 'De Luca', given: 'F' });
    expect(second?.ids?.doi).toBe('10.1006/jmre.2001.2429');
  });

  it('sends the NCBI key only to NCBI, and 200 ids a request', () => {
    const queries = Array.from({ length: 201 }, (_, i) => query(`p${i}`, { pubmed: String(1000 + i) }));
    const requests = SERVICES.pubmed.requests(queries, { ncbiKey: 'k3y', semanticScholarKey: 'other' });
    expect(requests.map((request) => request.queries.length)).toEqual([200, 1]);
    expect(requests[1]?.url).toBe(
      'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi?db=pubmed&id=1200&retmode=xml&tool=papershelf&api_key=k3y',
    );
    expect(requests.every((request) => request.headers === undefined)).toBe(true);
  });
});

describe('Semantic Scholar', () => {
  it('reads a batch in the order asked, an unknown id as missing, full author lists as S2 writes them', () => {
    const result = parse(
      'semantic-scholar',
      'semantic-scholar/batch-full-with-unknown-id',
      [
        query('s0', { s2: 'CorpusId:211530585' }),
        query('s1', { s2: 'CorpusId:470667' }),
        query('s2', { doi: '10.2139/ssrn.2250500' }),
        query('s3', { s2: '0f40b1f08821e22e859c6050916cec3667778613' }),
      ],
      'POST',
    );
    expect(result.missing).toEqual(['s0']);
    expect(result.found.map((found) => [found.key, found.fields.authors])).toEqual([
      ['s1', ['Marianne Bertrand', 'E. Duflo', 'S. Mullainathan']],
      ['s2', ['E. Duflo', 'A. Banerjee', 'R. Glennerster', 'Cynthia Kinnan']],
      ['s3', ['E. Duflo', 'M. Greenstone', 'Nick Ryan']],
    ]);
    expect(result.found[0]?.fields).toMatchObject({
      title: 'How Much Should We Trust Differences-in-Differences Estimates?',
      venue: 'Experimental & Empirical Studies eJournal',
      published: '2001-10-01',
    });
    expect(result.found[0]?.fields.abstract).toMatch(/^Most Difference-in-Difference \(DD\) papers rely/);
    expect(result.found[0]?.ids).toEqual({
      doi: '10.2139/ssrn.288970',
      s2: 'c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce',
    });
    // No date but the year.
    expect(result.found[2]?.fields.published).toBe('2023');
  });

  it('finds a paper by its title when it has no identifier, and its Semantic Scholar id with it', () => {
    const title = 'Mining association rules between sets of items in large databases';
    const result = parse('semantic-scholar', 'semantic-scholar/title-match', [query('t', {}, 'published', title)]);
    expect(result.found.map((found) => found.title)).toEqual([title]);
    const record = parse('semantic-scholar', 'semantic-scholar/title-match', [
      { ...query('r', {}, 'record', title), firstFamily: 'Agrawal', year: '1993' },
    ]);
    expect(record.found[0]?.ids).toEqual({ s2: '6fe8c5bf8dddaadf10c765133d38dfef5714347f' });
    // Its nearest match for another title is not taken.
    const other = parse('semantic-scholar', 'semantic-scholar/title-match', [
      query('o', {}, 'record', 'Mining frequent patterns without candidate generation'),
    ]);
    expect(other).toEqual({ found: [], missing: ['o'], problems: [] });
    expect(
      SERVICES['semantic-scholar'].requests([query('r', {}, 'record', title)], {}).map((request) => request.url),
    ).toEqual([
      `https://api.semanticscholar.org/graph/v1/paper/search/match?query=${encodeURIComponent(title)}&fields=title%2Cauthors%2Cabstract%2Cvenue%2Cyear%2CpublicationDate%2Cjournal%2CexternalIds%2CpublicationTypes%2Curl`,
    ]);
  });

  it('sends its key as a header only to Semantic Scholar, one POST for up to 500 ids', () => {
    const queries = [query('a', { arxiv: '1706.03762' }), query('b', { doi: '10.1/b' }), query('c', { pubmed: '7' })];
    const [request] = SERVICES['semantic-scholar'].requests(queries, {
      semanticScholarKey: 's2key',
      contact: 'me@x.org',
    });
    expect(request?.method).toBe('POST');
    expect(JSON.parse(request?.body ?? '')).toEqual({ ids: ['ARXIV:1706.03762', 'DOI:10.1/b', 'PMID:7'] });
    expect(request?.headers?.['x-api-key']).toBe('s2key');
    expect(request?.url).not.toContain('me%40x.org');
  });
});

describe('OpenAlex', () => {
  it('reads a work: authorships, container, volume, pages, PubMed id; no abstract from an index with gaps', () => {
    const result = parse('openalex', 'openalex/work-journal-article', [query('o', { doi: '10.7717/peerj.4375' })]);
    const [work] = result.found;
    expect(work?.fields).toMatchObject({
      title: 'The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles',
      container: 'PeerJ',
      volume: '6',
      pages: 'e4375',
      type: 'article',
      issued: '2018-02-13',
      language: 'en',
      pdfUrl: 'https://peerj.com/articles/4375.pdf',
    });
    expect(work?.fields.authors).toEqual([
      'Heather A. Piwowar',
      'Jason Priem',
      'Vincent Larivière',
      'Juan Pablo Alperín',
      'Lisa Matthias',
      'Bree Norlander',
      'Ashley Farley',
      'Jevin D. West',
      'Stefanie Haustein',
    ]);
    // The recording's index was cut by its recorder (five words, positions up to 122).
    expect(work?.fields.abstract).toBeUndefined();
    expect(work?.ids).toEqual({ doi: '10.7717/peerj.4375', pubmed: '29456894' });
  });

  it('rebuilds an abstract from a whole inverted index, and ignores positions no abstract has', () => {
    expect(invertedAbstract({ Despite: [0], growing: [1], interest: [2], in: [3] })).toBe(
      'Despite growing interest in',
    );
    expect(invertedAbstract({ a: [0], b: [2] })).toBeUndefined();
    expect(invertedAbstract({ a: [0], huge: [1e9] })).toBe('a');
  });

  it('is not asked about a work that is not the one it answers', () => {
    const result = parse('openalex', 'openalex/work-journal-article', [query('o', { doi: '10.7717/peerj.9999' })]);
    expect(result).toEqual({ found: [], missing: ['o'], problems: [] });
  });
});

describe('DBLP', () => {
  it('finds where a paper was published by its title: venue, pages, year, DOI, kind; a title it lacks is not found', () => {
    const title =
      'A Test Cost Reduction Method by Test Response and Test Vector Overlapping for Full-Scan Test Architecture';
    const result = parse('dblp', 'dblp/search-publ-test', [query('p', { arxiv: '2101.00001' }, 'published', title)]);
    expect(result.missing).toEqual([]);
    const [hit] = result.found;
    expect(hit?.title).toBe(title);
    expect(hit?.publication).toEqual({
      doi: '10.1109/ats.2005.17',
      venue: 'Asian Test Symposium',
      type: 'conference',
      pages: '366–371',
      issued: '2005',
      url: 'https://doi.org/10.1109/ATS.2005.17',
    });
    const journal = parse('dblp', 'dblp/search-publ-test', [
      query(
        'j',
        { arxiv: '2101.00002' },
        'published',
        'Test data regeneration: generating new test data from existing test data',
      ),
    ]);
    expect(journal.found[0]?.publication).toMatchObject({
      venue: 'Softw. Test., Verif. Reliab.',
      volume: '22',
      issue: '3',
      type: 'article',
    });
    const none = parse('dblp', 'dblp/search-publ-test', [
      query('n', { arxiv: '2101.00003' }, 'published', 'Attention Is All You Need'),
    ]);
    expect(none).toEqual({ found: [], missing: ['n'], problems: [] });
  });

  it('searches by title and first author, one paper a request, only for where a preprint was published', () => {
    const requests = SERVICES.dblp.requests(
      [
        { ...query('p', { arxiv: '1706.03762' }, 'published', 'Attention Is All You Need'), firstFamily: 'Vaswani' },
        query('r', { arxiv: '1706.03762' }, 'record', 'Attention Is All You Need'),
      ],
      {},
    );
    expect(requests.map((request) => request.url)).toEqual([
      'https://dblp.org/search/publ/api?q=Attention%20Is%20All%20You%20Need%20Vaswani&format=json&h=10',
    ]);
  });
});

describe('Hugging Face', () => {
  it('reads a paper: every author (hidden ones too), the abstract, the UTC date it was published', () => {
    const result = parse('huggingface', 'huggingface/paper-object', [query('h', { arxiv: '2509.24002' })]);
    expect(result.missing).toEqual([]);
    const [paper] = result.found;
    expect(paper?.fields.title).toBe('MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use');
    expect(paper?.fields.authors).toHaveLength(15);
    expect(paper?.fields.authors?.slice(0, 3)).toEqual(['Zijian Wu', 'Xiangyan Liu', 'Xinyuan Zhang']);
    expect(paper?.fields.abstract).toMatch(
      /^MCP standardizes how LLMs interact with external systems, forming the foundation/,
    );
    expect(paper?.fields.published).toBe('2025-09-28');
    expect(paper?.ids).toEqual({ arxiv: '2509.24002' });
  });

  it('is asked one arXiv id a request, and calls an answer for another id not found', () => {
    const requests = SERVICES.huggingface.requests(
      [
        query('a', { arxiv: '2509.24002' }),
        query('d', { doi: '10.1/x' }),
        query('p', { arxiv: '2509.24002' }, 'published', 'T'),
      ],
      {},
    );
    expect(requests.map((request) => request.url)).toEqual(['https://huggingface.co/api/papers/2509.24002']);
    const other = parse('huggingface', 'huggingface/paper-object', [query('x', { arxiv: '2401.00001' })]);
    expect(other).toEqual({ found: [], missing: ['x'], problems: [] });
  });
});

describe('DataCite', () => {
  it('reads a DOI record: a name given whole, publisher without its cataloguer’s comma, type, no year from another calendar', () => {
    const result = parse('datacite', 'datacite/doi-dissertation', [query('dc', { doi: '10.14457/kmitl.res.2006.17' })]);
    const [record] = result.found;
    expect(record?.fields).toEqual({
      title: 'การเพาะเลี้ยงเนื้อเยื่อปทุมมาที่เหมาะสม สำหรับการถ่ายยีนโดยใช้อะโกรแบคทีเรียม',
      authors: ['กัญจนา แซ่เตียว'],
      names: [{ literal: 'กัญจนา แซ่เตียว' }],
      publisher: 'ภาควิชาพืชสวน สถาบันเทคโนโลยีพระจอมเกล้าเจ้าคุณทหารลาดกระบัง',
      type: 'dataset',
      url: 'http://doi.nrct.go.th/?page=resolve_doi&resolve_doi=10.14457/KMITL.res.2006.17',
    });
  });
});

describe('responses are hostile text', () => {
  it('reads JATS and HTML markup as text, decoding entities once', () => {
    expect(
      markupToText(
        '<jats:title>Abstract</jats:title><jats:p>We show <jats:italic>x</jats:italic> &amp;lt;script&amp;gt; works.</jats:p>',
      ),
    ).toBe('We show x &lt;script&gt; works.');
    expect(markupToText('<img src=x onerror=alert(1)>Title')).toBe('Title');
    expect(markupToText('   ')).toBeUndefined();
  });

  it('keeps links only when they are http(s)', () => {
    const result = SERVICES.crossref.parse(
      JSON.stringify({
        'message-type': 'work',
        message: { DOI: '10.1234/x', title: ['A title'], URL: 'javascript:alert(1)' },
      }),
      { service: 'crossref', method: 'GET', url: '', queries: [query('x', { doi: '10.1234/x' })] },
    );
    expect(result.found[0]?.fields.title).toBe('A title');
    expect(result.found[0]?.fields.url).toBeUndefined();
  });
});
