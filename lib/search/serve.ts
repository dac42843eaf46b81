// The search worker's side of the LibraryView (lib/search/view.ts): loads the library newest first
// in pages into a ViewIndex, answers queries between pages, and applies changes announced from any
// context key by key with one batched read.
import { onLibraryChange } from '../library/changes';
import { countPapersIn, getMany, type PageCursor, readNewest } from '../library/read';
import { type Answer, type Ask, AskSchema } from './protocol';
import type { Port } from './view';
import { ViewIndex } from './view-index';

/** The first page holds a screen of rows and a little more, so the first query answers at once; the others are bigger. */
export const FIRST_PAGE = 60;
export const PAGE = 1000;

export interface Served {
  /** Settles once the whole library is indexed. */
  loaded: Promise<void>;
  stop(): void;
}

export function serveView(port: Port, options: { name?: string } = {}): Served {
  const read = options.name === undefined ? {} : { name: options.name };
  const index = new ViewIndex();
  let stopped = false;
  let complete = false;
  // The library's size while it loads, so the first answers already tell the whole count.
  let stored = 0;
  // How many of the index's numbers the view has been told the keys of (every answer carries the
  // ones given out since the last).
  let named = 0;
  // Page loads and changes apply one after another, in the order they were asked for: a change
  // read after a page was read is never undone by that page.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (work: () => Promise<void>): Promise<void> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const send = (answer: Answer) => {
    if (!stopped) port.postMessage(answer);
  };

  port.addEventListener('message', (event) => {
    const parsed = AskSchema.safeParse(event.data);
    if (!parsed.success) return;
    const ask = parsed.data;
    // Asks before the first page is in wait for it (a few milliseconds), rather than answer empty.
    void firstPage.then(() => answer(ask));
  });

  function answer(ask: Ask): void {
    if (failure !== undefined) {
      send({ type: 'failed', id: ask.id, message: failure });
      return;
    }
    if (ask.type === 'query') {
      const result = index.query(ask.query);
      const keys = index.keysFrom(named);
      send({
        type: 'result',
        id: ask.id,
        result: {
          ...result,
          total: complete ? result.total : Math.max(stored, result.total),
          terms: [...result.terms],
        },
        names: { from: named, keys: keys.join('\n') },
      });
      named += keys.length;
    } else {
      send({ type: 'tags', id: ask.id, tags: index.tags() });
    }
  }

  const stopChanges = onLibraryChange((keys) => {
    void serial(async () => {
      const found = await getMany(keys, read);
      index.remove(keys.filter((key) => !found.has(key)));
      index.put([...found.values()]);
      if (!complete) stored = Math.max(stored, index.size);
      else index.prepare();
      send({ type: 'changed', keys });
    });
  });

  // Why the library could not be read, told to every ask instead of an answer.
  let failure: string | undefined;
  let firstPageIn: () => void = () => {};
  const firstPage = new Promise<void>((resolve) => {
    firstPageIn = resolve;
  });

  const loaded = (async () => {
    try {
      await load();
    } catch (error) {
      failure = `The library could not be read: ${error instanceof Error ? error.message : String(error)}`;
      firstPageIn();
    }
  })();

  async function load(): Promise<void> {
    stored = await countPapersIn(read);
    let after: PageCursor | undefined;
    let size = FIRST_PAGE;
    do {
      if (stopped) return;
      await serial(async () => {
        const page = await readNewest(size, after, read);
        // A paper changed since the walk began is already in the index at its newest state.
        index.put(page.papers.filter((paper) => !index.has(paper.key)));
        after = page.next;
        if (!after) {
          complete = true;
          index.prepare();
        }
        send({ type: 'changed', keys: page.papers.map((paper) => paper.key) });
      }).finally(firstPageIn);
      size = PAGE;
    } while (after);
  }

  return {
    loaded,
    stop() {
      stopped = true;
      stopChanges();
    },
  };
}
