// The background's side of completion (issue 13): works through the queue in the library database
// a batch at a time, asks the services the user turned on (and the browser lets us reach), and
// commits what they found together with the queue's progress, so that a background stopped at any
// moment resumes where the last commit left it and no result is written twice. Saving never waits
// for any of this; the content scripts never reach it.
import { dueForCompletion, queueCompletion, settleCompletion } from '../library/library';
import type { SavedPaper } from '../paper/model';
import { type Answer, MAX_BODY, queriesFor, runCompletion } from './run';
import { SERVICES } from './services/index';
import { contactOf, grantedServices, readCompletionSettings, writeCompletionStatus } from './settings';
import type { ServiceId, ServiceRequest } from './types';

/**
 * The most papers taken from the queue at once. A take is as large as the largest batch request
 * of the services on (Semantic Scholar's 500, arXiv's 50), so that the fastest is not held to a
 * smaller one; its results are committed together.
 */
export const MAX_TAKE = 500;

/** Papers taken from the queue at once with these services on. */
export function takeFor(services: readonly ServiceId[]): number {
  return Math.min(MAX_TAKE, Math.max(1, ...services.map((id) => SERVICES[id].batch)));
}
/** No request waits longer for its answer. */
const TIMEOUT_MS = 30_000;

/** Reads at most MAX_BODY + 1 characters of a response (the runner refuses a longer one unread). */
async function boundedText(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length > MAX_BODY) {
      await reader.cancel();
      return text.slice(0, MAX_BODY + 1);
    }
  }
  return text + decoder.decode();
}

/** Retry-After as milliseconds: seconds, or an HTTP date. */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** One request to a service: no cookies, no referrer, bounded in time and size. */
export async function serviceFetch(request: ServiceRequest): Promise<Answer> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const retry = retryAfterMs(response.headers.get('retry-after'));
  return {
    status: response.status,
    body: await boundedText(response),
    ...(retry !== undefined ? { retryAfterMs: retry } : {}),
  };
}

/** Called with the keys a run changed, so that open tabs and pages show them. */
export type OnCompleted = (keys: string[]) => void;

let running: Promise<void> | undefined;
// When each service may next be asked: its rate holds across batches and runs of this background.
const pace = new Map<ServiceId, number>();
let again = false;
let wake: ReturnType<typeof setTimeout> | undefined;

/**
 * Works through the queue now, unless a run is under way (which then goes round once more). A
 * paper that must wait (a busy service, no network) is woken for by a timer while this background
 * lives, and otherwise at its next start.
 */
export function completeSoon(onCompleted: OnCompleted): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await drain(onCompleted);
      } while (again);
    } catch (error) {
      console.warn('papershelf: completion stopped:', error);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/** Queues the papers that have something to ask, when completion is on; how many were queued. */
export async function queueForCompletion(papers: readonly SavedPaper[], onCompleted: OnCompleted): Promise<number> {
  const settings = await readCompletionSettings();
  if (settings.services.length === 0) return 0;
  const keys = papers.filter((paper) => queriesFor(paper).length > 0).map((paper) => paper.key);
  // Queued a take at a time, completion starting after the first: a queue entry is a write of its
  // own (5,000 papers: ~0.9 s of puts), and the first request need not wait for the last of them.
  const take = takeFor(settings.services);
  for (let start = 0; start < keys.length; start += take) {
    await queueCompletion(keys.slice(start, start + take));
    void completeSoon(onCompleted);
  }
  return keys.length;
}

async function drain(onCompleted: OnCompleted): Promise<void> {
  const settings = await readCompletionSettings();
  if (settings.services.length === 0) return;
  const granted = await grantedServices();
  // A service whose host the user took back (chrome://extensions) is not asked.
  const services = settings.services.filter((id) => granted[id]);
  const contact = contactOf(settings.contact);
  const serviceSettings = {
    ...(contact ? { contact } : {}),
    ...(settings.semanticScholarKey ? { semanticScholarKey: settings.semanticScholarKey } : {}),
    ...(settings.ncbiKey ? { ncbiKey: settings.ncbiKey } : {}),
  };
  let filledAll = 0;
  const problemsAll: string[] = [];
  for (;;) {
    const due = await dueForCompletion(takeFor(services));
    if (due.entries.length === 0) {
      if (wake) clearTimeout(wake);
      if (due.next) {
        const delay = Math.max(1_000, Date.parse(due.next) - Date.now());
        wake = setTimeout(() => void completeSoon(onCompleted), delay);
      }
      return;
    }
    const result = await runCompletion(due.papers, { services, settings: serviceSettings, fetch: serviceFetch, pace });
    const retry = due.entries.map((entry) => entry.key).filter((key) => result.unanswered.has(key));
    const done = due.entries.map((entry) => entry.key).filter((key) => !result.unanswered.has(key));
    const { merged, removed } = await settleCompletion({ found: result.found, done, retry });
    const filled = merged.filter((one) => one.filled.length > 0).map((one) => one.paper.key);
    if (filled.length + removed.length > 0) onCompleted([...filled, ...removed]);
    // A paper that was known by its title alone and now has an identifier is asked once more, by
    // that identifier (services that answer only by id: arXiv, PubMed, OpenAlex…).
    const titleOnly = new Set(
      due.papers.filter((paper) => Object.keys(paper.ids ?? {}).length === 0).map((p) => p.key),
    );
    const identified = merged
      .filter((one) => titleOnly.has(one.paper.key) && one.paper.ids !== undefined && queriesFor(one.paper).length > 0)
      .map((one) => one.paper.key);
    if (identified.length > 0) await queueCompletion(identified);
    const refused = merged.flatMap((one) => one.refused.map((why) => `${why} (for ${one.paper.key})`));
    const problems = [...result.problems, ...refused];
    filledAll += filled.length;
    problemsAll.unshift(...problems);
    problemsAll.splice(10);
    await writeCompletionStatus({ at: new Date().toISOString(), filled: filledAll, problems: problemsAll });
    for (const problem of problems) console.warn(`papershelf: completion: ${problem}`);
  }
}

/** Wakes completion when the background starts: a queue left by a stopped background resumes. */
export function resumeCompletion(onCompleted: OnCompleted): void {
  void completeSoon(onCompleted);
  // Back online: what waited for the network is asked again at once.
  globalThis.addEventListener?.('online', () => void completeSoon(onCompleted));
}
