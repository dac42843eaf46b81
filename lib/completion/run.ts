// Completion's runner (issue 13): which questions a saved paper raises, asking the services the
// user turned on within each one's published rate, and merging what they found. The network is
// the caller's `fetch` (the background's, behind the host permissions the user granted), so this
// module stays pure of browser APIs and runs the same under the tests' recorded responses.
import { PLACEHOLDER_TITLE } from '../paper/build';
import { isRxivDoi } from '../paper/ids';
import type { SavedPaper } from '../paper/model';
import { texToText } from '../tex-text';
import { type Merged, mergeFound } from './merge';
import { SERVICES } from './services/index';
import type { Found, Query, ServiceId, ServiceRequest, ServiceSettings } from './types';

/** What the caller's fetch returns: the status, the body as text, and Retry-After in milliseconds. */
export interface Answer {
  status: number;
  body: string;
  retryAfterMs?: number;
}

export type Fetch = (request: ServiceRequest) => Promise<Answer>;

/** Time, injectable so that tests run the rate limits without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A body larger than this is not read: no record is that big, and the service worker's memory is shared. */
export const MAX_BODY = 5_000_000;
/** Tries of one request answered "too many requests" or "unavailable" (429, 503) before it is given up. */
export const TRIES = 3;
/** The longest wait a Retry-After may ask for; a service asking for longer is tried on the next run. */
export const MAX_WAIT_MS = 60_000;

export interface RunOptions {
  /** The services to ask, in the user's order of trust: a field goes to the first that fills it. */
  services: readonly ServiceId[];
  settings?: ServiceSettings;
  fetch: Fetch;
  clock?: Clock;
  /** The time stamped on what is filled. */
  now?: () => Date;
  signal?: AbortSignal;
  /** Called after each request with how many of all the requests are done. */
  onProgress?(done: number, total: number): void;
  /**
   * When each service may next be asked (clock time), kept by the caller across runs so that one
   * run's last request and the next run's first keep the service's rate too; updated in place.
   */
  pace?: Map<ServiceId, number>;
}

export interface RunResult {
  /** The papers something was filled in (or refused for), as merged into the papers given. */
  merged: Merged[];
  /** What each paper's services found, in the order of `services` (for a merge into the record as it is by then). */
  found: Map<string, Found[]>;
  /** Papers asked about whose request brought no answer (busy, unreachable, an error status): ask again later. */
  unanswered: Set<string>;
  /** Requests made, retries included. */
  asked: number;
  /** What went wrong, in plain words, each naming the service; the run goes on past each. */
  problems: string[];
}

/** A title shorter than this ("Introduction", "Editorial") finds too many works to search by. */
const TITLE_SEARCH_MIN = 20;

/** True when the page showed fewer authors than the paper has ("J Doe, É Müller…", "16 authors"). */
function cutAuthors(paper: SavedPaper): boolean {
  const last = paper.authors[paper.authors.length - 1] ?? '';
  return (
    paper.authors.length === 0 ||
    /(?:…|\.\.\.)\s*$/.test(last) ||
    (paper.authorCount !== undefined && paper.authorCount > paper.authors.length)
  );
}

/**
 * The questions completion asks about `paper`: its own record, when it lacks authors, an abstract,
 * a date or (with a DOI) where it appeared — by an identifier, or by title and first author when it
 * has none; and for an arXiv preprint with no known publication, where it was published. A paper
 * with nothing to ask about yields none.
 */
export function queriesFor(paper: SavedPaper): Query[] {
  const ids = paper.ids ?? {};
  const placeholder = PLACEHOLDER_TITLE.test(paper.title);
  const first = paper.names?.[0];
  const family = first && 'family' in first ? first.family : paper.authors[0]?.trim().split(/\s+/).pop() || undefined;
  const base = {
    key: paper.key,
    ids,
    title: placeholder ? '' : texToText(paper.title),
    ...(paper.url ? { url: paper.url } : {}),
    ...(family && !placeholder ? { firstFamily: family } : {}),
    ...(paper.published ? { year: paper.published.slice(0, 4) } : {}),
  };
  const queries: Query[] = [];
  const identified = Object.keys(ids).some((scheme) => scheme !== 'arxivVersion');
  const thin =
    paper.incomplete === true ||
    placeholder ||
    cutAuthors(paper) ||
    paper.abstract === undefined ||
    paper.published === undefined ||
    (ids.doi !== undefined && paper.container === undefined && paper.venue === undefined) ||
    // A bioRxiv or medRxiv preprint: Crossref's record of its DOI names the article it became.
    (ids.doi !== undefined && isRxivDoi(ids.doi) && paper.publication === undefined);
  // A paper known by no identifier (a Scholar row linking a publisher's page) is looked up by its
  // title and first author; the services check both before they answer for it.
  if (thin && (identified || (!placeholder && base.title.length >= TITLE_SEARCH_MIN))) {
    queries.push({ ...base, kind: 'record' });
  }
  if (ids.arxiv !== undefined && ids.doi === undefined && paper.publication === undefined) {
    queries.push({ ...base, kind: 'published' });
  }
  return queries;
}

/** Spaces one service's requests to its published rate, from when `pace` says it may next be asked. */
function limiter(
  id: ServiceId,
  rate: { requests: number; perMs: number },
  clock: Clock,
  pace: Map<ServiceId, number>,
): () => Promise<void> {
  const gap = Math.ceil(rate.perMs / rate.requests);
  return async () => {
    const now = clock.now();
    const start = Math.max(now, pace.get(id) ?? 0);
    pace.set(id, start + gap);
    if (start > now) await clock.sleep(start - now);
  };
}

/** Asks the services about `papers` and merges what they found into each; writes nothing itself. */
export async function runCompletion(papers: readonly SavedPaper[], options: RunOptions): Promise<RunResult> {
  const clock = options.clock ?? realClock;
  const settings = options.settings ?? {};
  const pace = options.pace ?? new Map<ServiceId, number>();
  const byKey = new Map(papers.map((paper) => [paper.key, paper]));
  const queries = papers.flatMap(queriesFor);
  const problems: string[] = [];
  const findings = new Map<string, Found[]>();
  const unanswered = new Set<string>();
  let asked = 0;
  let done = 0;

  const plans = options.services.map((id) => {
    const service = SERVICES[id];
    // One question a paper per service: one that takes both kinds for a paper (arXiv's record
    // holds the published version the authors gave) would otherwise be asked twice.
    const seen = new Set<string>();
    const mine = queries.filter((query) => {
      if (seen.has(query.key) || !service.accepts(query)) return false;
      seen.add(query.key);
      return true;
    });
    return { service, requests: mine.length > 0 ? service.requests(mine, settings) : [] };
  });
  const total = plans.reduce((sum, plan) => sum + plan.requests.length, 0);

  // Services run side by side; each one's requests one after another at its rate.
  await Promise.all(
    plans.map(async ({ service, requests }) => {
      const wait = limiter(service.id, service.rate, clock, pace);
      for (const request of requests) {
        const answer = options.signal?.aborted ? 'gone' : await ask(request, wait);
        done++;
        options.onProgress?.(done, total);
        if (answer === 'gone') {
          for (const query of request.queries) unanswered.add(query.key);
          continue;
        }
        if (!answer) continue;
        const result = service.parse(answer.body, request);
        for (const problem of result.problems) problems.push(`${service.label}: ${problem}`);
        for (const found of result.found) findings.set(found.key, [...(findings.get(found.key) ?? []), found]);
      }
    }),
  );

  /**
   * One request with its retries: the answer to read, undefined for "not found", or 'gone' (and a
   * problem told) when no answer came that a later run might get.
   */
  async function ask(request: ServiceRequest, wait: () => Promise<void>): Promise<Answer | 'gone' | undefined> {
    const label = SERVICES[request.service].label;
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      await wait();
      if (options.signal?.aborted) return 'gone';
      asked++;
      let answer: Answer;
      try {
        answer = await options.fetch(request);
      } catch (error) {
        problems.push(`${label} could not be reached: ${error instanceof Error ? error.message : String(error)}`);
        return 'gone';
      }
      // "Not found" is an answer: the service has no record of these papers.
      if (answer.status === 404) return undefined;
      if (answer.status === 429 || answer.status === 503) {
        const pause = answer.retryAfterMs ?? 2 ** attempt * 1_000;
        if (attempt === TRIES || pause > MAX_WAIT_MS) {
          problems.push(`${label} is busy (${answer.status}); ${request.queries.length} left for the next run`);
          return 'gone';
        }
        await clock.sleep(pause);
        continue;
      }
      if (answer.status < 200 || answer.status > 299) {
        problems.push(`${label} answered ${answer.status}; ${request.queries.length} left for the next run`);
        return 'gone';
      }
      if (answer.body.length > MAX_BODY) {
        problems.push(
          `${label} sent ${answer.body.length.toLocaleString('en')} characters, over the ${MAX_BODY.toLocaleString('en')} read`,
        );
        return undefined;
      }
      return answer;
    }
    return 'gone';
  }

  const now = (options.now ?? (() => new Date()))();
  const order = new Map(options.services.map((id, at) => [id, at]));
  const merged: Merged[] = [];
  for (const [key, found] of findings) {
    const paper = byKey.get(key);
    if (!paper) continue;
    found.sort((a, b) => (order.get(a.service) ?? 0) - (order.get(b.service) ?? 0));
    const result = mergeFound(paper, found, now);
    if (result.filled.length > 0 || result.refused.length > 0) merged.push(result);
  }
  return { merged, found: findings, unanswered, asked, problems };
}
