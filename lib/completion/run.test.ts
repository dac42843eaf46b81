// The runner on real recorded responses (tests/fixtures/services, origins in tests/fixtures/SOURCES.md)
// behind a fetch that answers from them, and a clock that records every wait instead of waiting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../paper/model';
import { type Answer, type Clock, MAX_BODY, queriesFor, runCompletion } from './run';
import type { ServiceRequest } from './types';

const RECORDINGS = join(import.meta.dirname, '../../tests/fixtures/services');
const NOW = new Date('2026-12-03T12:00:00Z');

function recorded(name: string): Answer {
  const file = JSON.parse(readFileSync(join(RECORDINGS, `${name}.json`), 'utf8')) as {
    interactions: { response: { status: number; body: string } }[];
  };
  const first = file.interactions[0];
  if (!first) throw new Error(`${name} has no interaction`);
  return { status: first.response.status, body: first.response.body };
}

function saved(key: string, fields: Partial<SavedPaper>): SavedPaper {
  return {
    key,
    title: 'Untitled',
    source: 'arxiv',
    authors: [],
    status: 'unread',
    savedAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...fields,
  };
}

/** A clock whose sleeps move its time on at once, remembering each wait. */
function virtualClock(): Clock & { waits: number[]; starts: number[] } {
  let time = 0;
  const waits: number[] = [];
  return {
    waits,
    starts: [],
    now: () => time,
    async sleep(ms) {
      waits.push(ms);
      time += ms;
    },
  };
}

// What a page gives: an arXiv link with nothing but its id; a listing row with its abstract but
// no publication; a row that another paper's id was pasted into; an id arXiv does not know.
const bareLink = saved('arxiv:1501.05039', {
  title: 'arXiv:1501.05039',
  ids: { arxiv: '1501.05039' },
  incomplete: true,
});
const listed = saved('arxiv:1503.01162', {
  title:
    "Report on a Boston University Conference December 7-8, 2012 on 'How Can the History and Philosophy of Science Contribute to Contemporary U.S. Science Teaching?'",
  authors: ['Peter Garik', 'Yann Benétreau-Dupin'],
  abstract: 'This is an editorial report on the outcomes of an international conference.',
  published: '2015-03-03',
  ids: { arxiv: '1503.01162' },
});
const mismatched = saved('arxiv:0808.0631', {
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani'],
  ids: { arxiv: '0808.0631' },
});
const unknown = saved('arxiv:2101.00001', {
  title: 'arXiv:2101.00001',
  ids: { arxiv: '2101.00001' },
  incomplete: true,
});

describe('queriesFor', () => {
  it('asks for the record of a thin paper and for the publication of a preprint, and nothing of a whole one', () => {
    expect(queriesFor(bareLink)).toEqual([
      { key: bareLink.key, kind: 'record', ids: { arxiv: '1501.05039' }, title: '' },
      { key: bareLink.key, kind: 'published', ids: { arxiv: '1501.05039' }, title: '' },
    ]);
    // Whole but for where it was published: the title search carries the first family name and year.
    expect(queriesFor(listed)).toEqual([
      {
        key: listed.key,
        kind: 'published',
        ids: { arxiv: '1503.01162' },
        title: listed.title,
        firstFamily: 'Garik',
        year: '2015',
      },
    ]);
    const whole = saved('doi:10.1214/07-sts246b', {
      title: 'Comment',
      authors: ['Hans R. Künsch'],
      abstract: 'A comment.',
      published: '2008',
      container: 'Statistical Science',
      ids: { doi: '10.1214/07-sts246b' },
    });
    expect(queriesFor(whole)).toEqual([]);
    // A Scholar row whose author list the page cut: its record is asked for by DOI.
    expect(queriesFor({ ...whole, authors: ['H Künsch', 'P Bühlmann…'] }).map((query) => query.kind)).toEqual([
      'record',
    ]);
    // A Scholar row that links a publisher's page and shows no identifier is looked up by its title
    // and first author; a title too short to search by, or a placeholder, is not.
    const row = saved('url:https://dl.acm.org/doi/abs/mining', {
      title: 'Mining association rules between sets of items in large databases',
      authors: ['R Agrawal', 'T Imieliński', 'A Swami'],
      published: '1993',
      url: 'https://dl.acm.org/doi/abs/mining',
    });
    expect(queriesFor(row)).toEqual([
      {
        key: row.key,
        kind: 'record',
        ids: {},
        url: row.url,
        title: row.title,
        firstFamily: 'Agrawal',
        year: '1993',
      },
    ]);
    expect(queriesFor({ ...row, title: 'Introduction' })).toEqual([]);
    expect(queriesFor(saved('url:https://example.org/paper', { url: 'https://example.org/paper' }))).toEqual([]);
  });
});

describe('runCompletion', () => {
  it('fills a bare arXiv link, records a preprint’s publication, refuses another paper’s record, skips the unknown id', async () => {
    const asked: ServiceRequest[] = [];
    const clock = virtualClock();
    const result = await runCompletion([bareLink, listed, mismatched, unknown], {
      services: ['arxiv'],
      clock,
      now: () => NOW,
      fetch: async (request) => {
        asked.push(request);
        return recorded('arxiv/query-search-ten');
      },
    });
    // One request for the four papers, each id once.
    expect(asked).toHaveLength(1);
    expect(new URL(asked[0]?.url ?? '').searchParams.get('id_list')).toBe('1501.05039,1503.01162,0808.0631,2101.00001');
    expect(result.asked).toBe(1);
    expect(result.problems).toEqual([]);
    expect(clock.waits).toEqual([]);

    const byKey = new Map(result.merged.map((merged) => [merged.paper.key, merged]));
    expect([...byKey.keys()].sort()).toEqual([bareLink.key, listed.key, mismatched.key].sort());

    const filled = byKey.get(bareLink.key)?.paper;
    expect(filled).toMatchObject({
      title: 'Defining Data Science',
      authors: ['Yangyong Zhu', 'Yun Xiong'],
      published: '2015-01-21',
      updatedAt: NOW.toISOString(),
    });
    expect(filled?.abstract).toMatch(/^Data science is gaining more and more and widespread attention/);
    expect(filled?.incomplete).toBeUndefined();
    expect(filled?.completion?.fields.title).toEqual({ service: 'arxiv', at: NOW.toISOString() });
    expect(filled?.completion?.replaced?.title).toBe('arXiv:1501.05039');

    const published = byKey.get(listed.key);
    expect(published?.paper.publication).toEqual({
      doi: '10.1007/s11191-014-9716-8',
      venue: 'Science & Education, September 2014, 23(9): 1853-1873',
    });
    // What the page showed stays.
    expect(published?.paper.abstract).toBe(listed.abstract);

    expect(byKey.get(mismatched.key)?.filled).toEqual([]);
    expect(byKey.get(mismatched.key)?.paper).toBe(mismatched);
    expect(byKey.get(mismatched.key)?.refused).toEqual([
      'arxiv answered with another paper: “Comment: The 2005 Neyman Lecture: Dynamic Indeterminism in Science”',
    ]);
  });

  it('keeps to a service’s rate, waits as long as a 429 asks, and tells what it could not do', async () => {
    const clock = virtualClock();
    const thesis = saved('doi:10.14457/kmitl.res.2006.17', {
      title: 'doi:10.14457/kmitl.res.2006.17',
      ids: { doi: '10.14457/kmitl.res.2006.17' },
      incomplete: true,
    });
    const gone = saved('doi:10.9999/gone', { title: 'A lost paper', ids: { doi: '10.9999/gone' } });
    const broken = saved('doi:10.9999/broken', { title: 'A broken answer', ids: { doi: '10.9999/broken' } });
    const huge = saved('doi:10.9999/huge', { title: 'A huge answer', ids: { doi: '10.9999/huge' } });
    const offline = saved('doi:10.9999/offline', { title: 'No network', ids: { doi: '10.9999/offline' } });
    const starts: number[] = [];
    let busy = true;
    const progress: number[] = [];
    const result = await runCompletion([thesis, gone, broken, huge, offline], {
      services: ['datacite'],
      clock,
      now: () => NOW,
      onProgress: (done, total) => progress.push(done / total),
      fetch: async (request) => {
        starts.push(clock.now());
        const doi = request.queries[0]?.ids.doi;
        if (doi === thesis.ids?.doi) {
          if (busy) {
            busy = false;
            return { status: 429, body: '', retryAfterMs: 2_000 };
          }
          return recorded('datacite/doi-dissertation');
        }
        if (doi === '10.9999/gone') return recorded('datacite/doi-not-found');
        if (doi === '10.9999/broken') return { status: 500, body: 'Internal Server Error' };
        if (doi === '10.9999/huge') return { status: 200, body: ' '.repeat(MAX_BODY + 1) };
        throw new TypeError('Failed to fetch');
      },
    });
    // DataCite takes one DOI a request at 10 a second: 100 ms apart, and the 429's two seconds.
    expect(clock.waits).toContain(2_000);
    for (let i = 1; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(100);
    expect(result.asked).toBe(6);
    expect(progress.at(-1)).toBe(1);
    expect(result.problems).toEqual([
      'DataCite answered 500; 1 left for the next run',
      `DataCite sent ${(MAX_BODY + 1).toLocaleString('en')} characters, over the ${MAX_BODY.toLocaleString('en')} read`,
      'DataCite could not be reached: Failed to fetch',
    ]);
    expect(result.merged.map((merged) => merged.paper.key)).toEqual([thesis.key]);
    // Asked again later: the error status and the unreachable one; not the unknown DOI nor the oversized answer.
    expect([...result.unanswered]).toEqual([broken.key, offline.key]);
    expect([...result.found.keys()]).toEqual([thesis.key]);
    expect(result.merged[0]?.paper.title).toBe('การเพาะเลี้ยงเนื้อเยื่อปทุมมาที่เหมาะสม สำหรับการถ่ายยีนโดยใช้อะโกรแบคทีเรียม');
  });

  it('gives up on a service that stays busy, and asks nothing once stopped', async () => {
    const clock = virtualClock();
    const paper = saved('doi:10.9999/busy', { title: 'Busy', ids: { doi: '10.9999/busy' } });
    const busy = await runCompletion([paper], {
      services: ['datacite'],
      clock,
      fetch: async () => ({ status: 503, body: '' }),
    });
    expect(busy.asked).toBe(3);
    expect(clock.waits).toEqual([2_000, 4_000]);
    expect(busy.problems).toEqual(['DataCite is busy (503); 1 left for the next run']);
    expect([...busy.unanswered]).toEqual([paper.key]);

    const stop = new AbortController();
    stop.abort();
    const stopped = await runCompletion([paper], {
      services: ['datacite'],
      signal: stop.signal,
      fetch: async () => {
        throw new Error('asked after the stop');
      },
    });
    expect(stopped).toEqual({ merged: [], found: new Map(), unanswered: new Set([paper.key]), asked: 0, problems: [] });
  });
});
