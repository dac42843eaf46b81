// Merging what services found (parsed from the real recordings) into saved papers as pages and
// users leave them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../paper/model';
import { mergeFound, undoCompletion } from './merge';
import { SERVICES } from './services/index';
import type { Found, Query, ServiceId } from './types';

const RECORDINGS = join(import.meta.dirname, '../../tests/fixtures/services');
const SAVED = new Date('2026-12-01T10:00:00.000Z');
const NOW = new Date('2026-12-03T12:00:00.000Z');

function findings(service: ServiceId, name: string, queries: Query[], method: 'GET' | 'POST' = 'GET'): Found[] {
  const file = JSON.parse(readFileSync(join(RECORDINGS, `${name}.json`), 'utf8')) as {
    interactions: { response: { body: string } }[];
  };
  return SERVICES[service].parse(file.interactions[0]?.response.body ?? '', { service, method, url: '', queries })
    .found;
}

function saved(fields: Partial<SavedPaper> & Pick<SavedPaper, 'key' | 'title'>): SavedPaper {
  return {
    authors: [],
    source: 'scholar',
    status: 'unread',
    savedAt: SAVED.toISOString(),
    updatedAt: SAVED.toISOString(),
    ...fields,
  };
}

describe('completing a saved paper', () => {
  // A Google Scholar row shows "M Bertrand, E Duflo… - Journal of …" (scholar reader: the
  // ellipsis dropped, the venue kept as shown).
  const scholarRow = saved({
    key: 'doi:10.2139/ssrn.288970',
    title: 'How much should we trust differences-in-differences estimates?',
    authors: ['M Bertrand', 'E Duflo'],
    venue: 'Experimental & Empirical …',
    ids: { doi: '10.2139/ssrn.288970' },
    tags: ['methods'],
    note: 'Read section 4',
    starred: true,
  });
  const s2 = findings(
    'semantic-scholar',
    'semantic-scholar/batch-full-with-unknown-id',
    [
      { key: 'x', kind: 'record', ids: { s2: 'CorpusId:211530585' }, title: '' },
      { key: scholarRow.key, kind: 'record', ids: { doi: '10.2139/ssrn.288970' }, title: scholarRow.title },
    ],
    'POST',
  );

  it('replaces a cut author list by the full one, fills gaps, keeps what the user wrote, and remembers where each came from', () => {
    const { paper, filled, refused } = mergeFound(scholarRow, s2, NOW);
    expect(refused).toEqual([]);
    expect(paper.authors).toEqual(['Marianne Bertrand', 'E. Duflo', 'S. Mullainathan']);
    expect(paper.venue).toBe('Experimental & Empirical Studies eJournal');
    expect(paper.abstract).toMatch(/^Most Difference-in-Difference \(DD\) papers/);
    expect(paper.published).toBe('2001-10-01');
    expect(paper.ids).toEqual({ doi: '10.2139/ssrn.288970', s2: 'c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce' });
    expect(paper.title).toBe(scholarRow.title);
    expect([paper.key, paper.tags, paper.note, paper.starred, paper.status]).toEqual([
      scholarRow.key,
      ['methods'],
      'Read section 4',
      true,
      'unread',
    ]);
    expect(filled).toEqual(['authors', 'abstract', 'venue', 'published', 'ids.s2']);
    expect(paper.completion?.fields.authors).toEqual({ service: 'semantic-scholar', at: NOW.toISOString() });
    expect(paper.completion?.replaced).toEqual({
      authors: ['M Bertrand', 'E Duflo'],
      venue: 'Experimental & Empirical …',
    });
  });

  it('undoes a completion exactly, but for the time of the change', () => {
    const { paper } = mergeFound(scholarRow, s2, NOW);
    expect(undoCompletion(paper, NOW)).toEqual({ ...scholarRow, updatedAt: NOW.toISOString() });
  });

  it('keeps what the page showed where a service disagrees', () => {
    const shown = { ...scholarRow, authors: ['A Nother', 'B Body'], venue: 'NBER Working Papers', published: '2002' };
    const { paper } = mergeFound(shown, s2, NOW);
    expect(paper.authors).toEqual(['A Nother', 'B Body']);
    expect(paper.venue).toBe('NBER Working Papers');
    expect(paper.published).toBe('2002');
    expect(paper.abstract).toBeDefined();
  });

  it('refuses a record for another paper (a DOI answered with a different title)', () => {
    const other = { ...scholarRow, title: 'The Miracle of Microfinance? Evidence from a Randomized Evaluation' };
    const { paper, filled, refused } = mergeFound(other, s2, NOW);
    expect(paper).toBe(other);
    expect(filled).toEqual([]);
    expect(refused).toEqual([
      'semantic-scholar answered with another paper: “How Much Should We Trust Differences-in-Differences Estimates?”',
    ]);
  });

  it('fills a paper added by its DOI alone, and Undo puts the placeholder back', () => {
    const added = saved({
      key: 'doi:10.1371/journal.pone.0033693',
      title: 'doi:10.1371/journal.pone.0033693',
      ids: { doi: '10.1371/journal.pone.0033693' },
      source: 'identifier',
      incomplete: true,
    });
    const crossref = findings('crossref', 'crossref/work-journal-article', [
      { key: added.key, kind: 'record', ids: { doi: '10.1371/journal.pone.0033693' }, title: added.title },
    ]);
    const { paper } = mergeFound(added, crossref, NOW);
    expect(paper.title).toBe(
      'Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice',
    );
    expect(paper.authors).toHaveLength(6);
    expect(paper.names?.[0]).toEqual({ family: 'Sadasivan', given: 'Shankar' });
    expect([paper.container, paper.volume, paper.issue, paper.pages, paper.issued]).toEqual([
      'PLoS ONE',
      '7',
      '3',
      'e33693',
      '2012-03-21',
    ]);
    expect(paper.incomplete).toBeUndefined();
    const undone = undoCompletion(paper, NOW);
    expect(undone).toEqual({ ...added, updatedAt: NOW.toISOString() });
  });

  it('records where a preprint was published beside its arXiv id, and its key stays', () => {
    const listing = saved({
      key: 'arxiv:1503.01162',
      title:
        "Report on a Boston University Conference December 7-8, 2012 on 'How Can the History and Philosophy of Science Contribute to Contemporary U.S. Science Teaching?'",
      authors: ['Peter Garik', 'Yann Benétreau-Dupin'],
      ids: { arxiv: '1503.01162' },
      source: 'arxiv',
    });
    const arxiv = findings('arxiv', 'arxiv/query-search-ten', [
      { key: listing.key, kind: 'published', ids: { arxiv: '1503.01162' }, title: listing.title },
    ]);
    const { paper } = mergeFound(listing, arxiv, NOW);
    expect(paper.key).toBe('arxiv:1503.01162');
    expect(paper.publication).toEqual({
      doi: '10.1007/s11191-014-9716-8',
      venue: 'Science & Education, September 2014, 23(9): 1853-1873',
    });
    expect(paper.completion?.fields.publication?.service).toBe('arxiv');
    // Undo of one service leaves the others' fields.
    const both = mergeFound(paper, [{ key: paper.key, service: 'openalex', fields: { language: 'en' } }], NOW).paper;
    const withoutArxiv = undoCompletion(both, NOW, 'arxiv');
    expect(withoutArxiv.publication).toBeUndefined();
    expect(withoutArxiv.language).toBe('en');
    expect(Object.keys(withoutArxiv.completion?.fields ?? {})).toEqual(['language']);
  });

  it('records the publication of a bioRxiv preprint (Crossref names it: is-preprint-of), not of a journal article', () => {
    // The rule, on an invented preprint (bioRxiv's DOI prefix) and article (Crossref's test prefix).
    const preprint = saved({
      key: 'doi:10.1101/2020.01.01.000001',
      title: 'A preprint that became an article',
      authors: ['A Author'],
      ids: { doi: '10.1101/2020.01.01.000001' },
      venue: 'bioRxiv',
      source: 'biorxiv',
    });
    const finding = {
      key: preprint.key,
      service: 'crossref' as const,
      fields: {},
      publication: { doi: '10.5555/published.1' },
    };
    const merged = mergeFound(preprint, [finding], NOW);
    expect(merged.paper.publication).toEqual({ doi: '10.5555/published.1' });
    expect(merged.filled).toEqual(['publication']);
    const article = saved({
      key: 'doi:10.5555/published.1',
      title: 'An article',
      authors: [],
      ids: { doi: '10.5555/published.1' },
      source: 'test',
    });
    expect(mergeFound(article, [{ ...finding, key: article.key }], NOW).filled).toEqual([]);
  });
});
