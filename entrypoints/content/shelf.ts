// The content scripts' one runner: detects the papers on the page with the readers its script
// carries, puts a save control beside each, keeps their saved state current, and answers the
// popup. It reaches the library only through the background. Each script is a file of its own
// (entrypoints/<site>.content.ts for a site, content/index.ts for every other page) so it carries
// only its readers.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { type ContentAnswer, readAnswer, readTabRequest } from '../../lib/content-messages';
import { detectInSlices } from '../../lib/detect/engine';
import { worthScanning } from '../../lib/detect/gate';
import { metadataReaders } from '../../lib/detect/readers';
import type { Source } from '../../lib/detect/types';
import type { BackgroundRequest } from '../../lib/messages';
import { idTerms } from '../../lib/paper/ids';
import type { Paper } from '../../lib/paper/model';
import { isSiteDisabled, setSiteDisabled, siteOf } from '../../lib/site-settings';
import {
  type Control,
  createControl,
  dropFloatingLayer,
  type FloatPoint,
  floatFrame,
  floatingLayer,
  floatPoint,
  hasFloatingLayer,
  ISOLATES,
  isControlHost,
  moveFloating,
  placeControl,
  placementParent,
  type Theme,
  themeFor,
} from './overlay';

// Dynamic pages change in bursts (a route change, a page of results); detect once it settles.
const SETTLE_MS = 250;
// How long a control removed from the page offers Undo (the background keeps the record longer).
const UNDO_MS = 15_000;
// Work on the page runs in slices of about this long, then yields (input and paint go first).
const SLICE_MS = 8;
// The terms one lookup message carries: the message table's cap (lib/messages.ts), never more.
const LOOKUP_TERMS = 10_000;
// At most this many controls are put in one round because they are near the viewport.
const NEAR_MAX = 500;
// A round of controls (making them, their layout) aims at about this long: under a long task with
// room for a round that costs more than the last (measured at 45: rounds of 22–51 ms).
const ROUND_MS = 35;
// The fewest controls a round puts (and the first round's size when none is in view).
const MIN_ROUND = 50;
// A page whose one layout costs more than this gets floating controls (see learnCost).
const LAZY_LAYOUT_MS = 50;
// On a page of floating controls: how many viewports below the visible one get controls, and the
// pause in scrolling after which the next round runs.
const LAZY_AHEAD = 3;
const SCROLL_PAUSE_MS = 120;
// A listing of at least this many entries gets floating controls (overlay.ts, floatingLayer) from
// the start: measured on arXiv listings, a round of controls put in the page made a frame of
// 80–120 ms at 2,000 entries (its layout, then its paint), floating ones none over 50 ms.
const FLOAT_FROM = 1_000;
// A site script's page of at least this many elements floats too while the body's isolation is
// still on it (overlay.ts), whose removal would cost the page a repaint (an arXiv listing of 900
// entries, 21,800 elements: a 52 ms frame; 300 entries: 30 ms). Once taken off, the page is not
// counted again at each scan.
const FLOAT_ELEMENTS = 15_000;
// Floating controls farther than this many viewports from the visible one are taken off (and made
// again when the user comes near): a 100,000-entry page holds a few hundred controls at most.
const FLOAT_KEEP = 6;

/** A detected paper with a place on the page: its anchor and, where the site has one, its action row. */
interface Placed {
  anchor: Element;
  paper: Paper;
  actions?: Element;
}

/**
 * A content script reading pages with `readers`: in the manifest for the pages `matches` names, or,
 * with no `matches`, registered or injected at run time (lib/access.ts).
 */
export function shelfScript(matches: readonly string[], readers: readonly Source[]) {
  return defineContentScript({
    matches: [...matches],
    registration: matches.length > 0 ? 'manifest' : 'runtime',
    // Started with the page: the one read below runs while the page is parsed, and detection as
    // soon as it is (not after every image), so controls appear with the titles.
    runAt: 'document_start',
    async main(ctx) {
      // The layer of floating controls (and in a site script the body's isolation, overlay.ts)
      // goes in first, while the page is still empty: put into a page of 12,000 entries later, the
      // two cost the page ~300 ms of layout and paint; early, nothing that shows. A page that
      // builds itself in one script would be whole before the read below answers.
      if (document.documentElement) floatingLayer(document);
      // Read once, before any work: on a site the user turned off, papershelf does nothing at all
      // (and takes the layer off at once).
      if (await isSiteDisabled(location.href)) return dropFloatingLayer(document);
      if (document.readyState === 'loading') {
        await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
        // DOMContentLoaded ends the parser's last task: the work starts in a task of its own, not
        // added to that one (on Hugging Face's daily page the two made one 70 ms task).
        await yieldToPage();
      }
      startShelf(ctx, readers);
    },
  });
}

async function ask(request: BackgroundRequest): Promise<ContentAnswer> {
  try {
    return readAnswer(await browser.runtime.sendMessage(request)) ?? { ok: false, error: 'papershelf did not answer' };
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    return {
      ok: false,
      error: /context invalidated|receiving end/i.test(text)
        ? 'papershelf was updated or restarted: reload the page'
        : text,
    };
  }
}

/** The content script of one site: its reader, then the metadata the site's pages embed. */
export function siteScript(reader: Source) {
  return shelfScript(reader.patterns, [reader, ...metadataReaders]);
}

function startShelf(ctx: ContentScriptContext, readers: readonly Source[]): void {
  const controls = new Map<Element, Control>();
  // Each id term (and saved key) of a control's paper → its controls: a change notice names keys,
  // and only the controls showing those are looked up again.
  const byTerm = new Map<string, Set<Control>>();
  // The papers of the last complete scan that have a place on the page, for the popup.
  let papers: Paper[] = [];
  let timer: ReturnType<ContentScriptContext['setTimeout']> | undefined;
  let reportedCount = -1;
  // One scan at a time; a change during a scan asks for another after it. Navigation aborts it.
  let scanning = false;
  let again = false;
  let scanAbort = new AbortController();

  // A paper's id terms, worked out once: a round asks for them, applies the answer by them and
  // indexes its controls by them.
  const paperTerms = new WeakMap<Paper, string[]>();
  function idTermsOf(paper: Paper): string[] {
    let terms = paperTerms.get(paper);
    if (!terms) {
      terms = idTerms(paper);
      paperTerms.set(paper, terms);
    }
    return terms;
  }

  function termsOf(control: Control): string[] {
    const terms = idTermsOf(control.paper);
    return control.savedKey ? [...terms, control.savedKey] : terms;
  }

  function index(control: Control): void {
    for (const term of termsOf(control)) {
      const set = byTerm.get(term);
      if (set) set.add(control);
      else byTerm.set(term, new Set([control]));
    }
  }

  function unindex(control: Control): void {
    for (const term of termsOf(control)) {
      const set = byTerm.get(term);
      set?.delete(control);
      if (set?.size === 0) byTerm.delete(term);
    }
  }

  function drop(anchor: Element, control: Control): void {
    unindex(control);
    control.destroy();
    controls.delete(anchor);
  }

  function clear(): void {
    scanAbort.abort();
    scanAbort = new AbortController();
    for (const control of controls.values()) control.destroy();
    controls.clear();
    byTerm.clear();
    papers = [];
    queue = [];
    floats.clear();
    floating = false;
    dropFloatingLayer(document);
  }

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => void run(), SETTLE_MS);
  }

  function report(count: number): void {
    if (count === reportedCount) return;
    reportedCount = count;
    void ask({ type: 'detected', count });
  }

  async function run(): Promise<void> {
    timer = undefined;
    if (scanning) {
      again = true;
      return;
    }
    scanning = true;
    try {
      await scan(scanAbort.signal);
    } finally {
      scanning = false;
    }
    if (again && ctx.isValid) {
      again = false;
      schedule();
    }
  }

  // Detection runs in slices (lib/detect/engine.ts); controls are made in slices too, those near the
  // viewport first; saved state is asked for as they come, in messages within the lookup cap.
  async function scan(signal: AbortSignal): Promise<void> {
    const url = new URL(location.href);
    // The cheap gate: nothing on this page any reader could use, so no deep work and no controls.
    if (!worthScanning(readers, document, url)) {
      clear();
      report(0);
      return;
    }
    const detections = await detectInSlices(readers, document, url, { pause: yieldToPage, signal });
    if (!detections || signal.aborted) return;
    // One control an anchor; where two papers share one, the later wins.
    const wanted = new Map<Element, Placed>();
    for (const { paper, anchor, actions } of detections) if (anchor) wanted.set(anchor, { anchor, paper, actions });
    papers = [...wanted.values()].map((placed) => placed.paper);
    for (const [anchor, control] of controls) if (!wanted.has(anchor)) drop(anchor, control);
    const pending: Placed[] = [];
    for (const placed of wanted.values()) {
      const existing = controls.get(placed.anchor);
      if (existing && existing.paper.key === placed.paper.key && existing.host.isConnected) {
        unindex(existing);
        existing.paper = placed.paper;
        index(existing);
      } else {
        if (existing) drop(placed.anchor, existing);
        pending.push(placed);
      }
    }
    report(wanted.size);
    floating ||=
      wanted.size >= FLOAT_FROM ||
      (ISOLATES && hasFloatingLayer(document) && document.getElementsByTagName('*').length >= FLOAT_ELEMENTS);
    if (!floating) dropFloatingLayer(document);
    // Floating, every entry stays in the queue (those with controls marked taken): a control taken
    // off far from the viewport is made again from it.
    await place(floating ? [...wanted.values()] : pending);
    if (floating) settleFloats();
  }

  function make({ paper }: Placed, theme: Theme): Control {
    const control = createControl(
      document,
      paper,
      {
        save: () => void save(control),
        remove: () => void remove(control),
        undoRemove: () => void undoRemove(control),
        openSidePanel: () => void ask({ type: 'open-side-panel', key: control.paper.key }),
        turnOffSite: () => void turnOff(),
      },
      theme,
    );
    return control;
  }

  // Putting controls on the page costs the page one layout of itself per insertion, however few
  // controls it adds (measured on arXiv listings: 15–20 ms at 2,000 entries, 70–90 ms at 12,000),
  // plus about 0.1 ms a control. So controls go on in rounds: a round's controls are made off the
  // page (their themes read while style is clean), their saved state is asked for, and then they
  // are all put on in one step, followed by its layout (no control flips from Save to Saved in
  // view). The first round holds what the user sees; the measured cost sizes the next ones to
  // about ROUND_MS. Where even the cheapest round costs more than LAZY_LAYOUT_MS (a long task by
  // itself), or the listing is long (FLOAT_FROM), controls float instead: only entries near the
  // viewport get them, and more as the user scrolls near others.
  let queue: readonly Placed[] = [];
  let queued = new Uint8Array(0);
  let cursor = 0;
  // Whether new controls float, and the floating controls by their entry's place in the queue.
  // Controls put in the page before its rounds were found too dear stay where they are.
  let floating = false;
  const floats = new Map<Control, number>();
  // Each entry's place in the queue, once taken into a round.
  const takenAt = new WeakMap<Placed, number>();
  let pumping = false;
  let pumpAgain = false;
  // What rounds cost on this page: the next round's size, and the cheapest round so far.
  let roundSize = MIN_ROUND;
  let rounds = 0;
  let cheapestMs = Number.POSITIVE_INFINITY;

  function place(pending: readonly Placed[]): Promise<void> {
    queue = pending;
    queued = new Uint8Array(pending.length);
    cursor = 0;
    const floated = new Set(floats.keys());
    floats.clear();
    pending.forEach((placed, at) => {
      const control = controls.get(placed.anchor);
      if (!control) return;
      queued[at] = 1;
      if (floated.has(control)) floats.set(control, at);
    });
    return pump();
  }

  // Runs rounds while there is work for now: every entry, or where controls float those near the
  // viewport.
  // One pump at a time; a call during one makes it look again when it runs out.
  async function pump(): Promise<void> {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        for (let round = nextRound(); round.length > 0; round = nextRound()) {
          await placeRound(round, scanAbort.signal);
          await yieldToPage();
        }
      } while (pumpAgain);
    } finally {
      pumping = false;
    }
  }

  function nextRound(): Placed[] {
    const round: Placed[] = [];
    const take = (at: number) => {
      queued[at] = 1;
      const placed = queue[at] as Placed;
      takenAt.set(placed, at);
      if (placed.anchor.isConnected) round.push(placed);
    };
    for (const at of nearViewport(queue, queued, floating ? LAZY_AHEAD : 0.5)) take(at);
    // What is in view goes first, alone in the first round (it measures the page's cost).
    if (floating || (rounds === 0 && round.length > 0)) return round;
    const size = roundSize;
    while (round.length < size && cursor < queue.length) {
      if (!queued[cursor]) take(cursor);
      cursor++;
    }
    return round;
  }

  async function placeRound(round: readonly Placed[], signal: AbortSignal): Promise<void> {
    const float = floating;
    // Asked first: the answer travels while the controls are made.
    const asking = savedState(round.map((placed) => placed.paper));
    // Made off the page, in slices: nothing here changes the page's style or layout.
    const made: [Placed, Control][] = [];
    let sliceStart = performance.now();
    for (const placed of round) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
      if (signal.aborted) break;
      made.push([placed, make(placed, themeFor(placementParent(placed.anchor, placed.actions)))]);
    }
    const state = await asking;
    for (const [, control] of made) applySaved(control, state);
    if (signal.aborted) {
      for (const [, control] of made) control.destroy();
      return;
    }
    if (float) return floatRound(made);
    const start = performance.now();
    let added = 0;
    for (const [placed, control] of made) {
      if (!placed.anchor.isConnected || controls.has(placed.anchor)) {
        control.destroy();
        continue;
      }
      placeControl(control, placed.anchor, placed.actions);
      controls.set(placed.anchor, control);
      index(control);
      added++;
    }
    // The layout now, not at the next frame: its cost sizes the next round.
    document.documentElement.getBoundingClientRect();
    learnCost(added, performance.now() - start);
  }

  // Floating controls go into the layer in page order (the order keyboard focus takes), each at its
  // entry's point: all points are read first, then the controls put in, so the page is laid out
  // once (and only the layer after it).
  function floatRound(made: readonly [Placed, Control][]): void {
    const layer = floatingLayer(document);
    const frame = floatFrame(layer);
    const fresh: [number, Control, FloatPoint][] = [];
    for (const [placed, control] of made) {
      const at = takenAt.get(placed);
      if (at === undefined || !placed.anchor.isConnected || controls.has(placed.anchor)) {
        control.destroy();
        continue;
      }
      const point = floatPoint(frame, placed.anchor, placed.actions);
      if (point) fresh.push([at, control, point]);
      else control.destroy();
    }
    fresh.sort((a, b) => a[0] - b[0]);
    const order = [...floats].sort((a, b) => a[1] - b[1]);
    let next = 0;
    for (const [at, control, point] of fresh) {
      while (next < order.length && (order[next] as [Control, number])[1] < at) next++;
      moveFloating(control, point);
      layer.insertBefore(control.host, order[next]?.[0].host ?? null);
      floats.set(control, at);
      controls.set((queue[at] as Placed).anchor, control);
      index(control);
    }
  }

  // On a floating page, after a scroll, a resize or a change of the page: controls far from the
  // viewport are taken off (their entries can be taken again), the others moved to where their
  // entries now are. Every position is read before anything is written.
  function settleFloats(): void {
    if (floats.size === 0) return;
    const frame = floatFrame(floatingLayer(document));
    const top = -innerHeight * FLOAT_KEEP;
    const bottom = innerHeight * (1 + FLOAT_KEEP);
    const moves: [Control, FloatPoint][] = [];
    const gone: [Control, number][] = [];
    for (const [control, at] of floats) {
      const placed = queue[at] as Placed;
      const box = placed.anchor.getBoundingClientRect();
      const far = box.bottom < top || box.top > bottom;
      // The control the keyboard is on stays, however far the page scrolled.
      const point =
        far && document.activeElement !== control.host ? undefined : floatPoint(frame, placed.anchor, placed.actions);
      if (point && placed.anchor.isConnected) moves.push([control, point]);
      else gone.push([control, at]);
    }
    for (const [control, at] of gone) {
      floats.delete(control);
      drop((queue[at] as Placed).anchor, control);
      queued[at] = 0;
    }
    for (const [control, point] of moves) moveFloating(control, point);
  }

  // Each round is sized from the last one's cost to take about ROUND_MS (at most twice, at least
  // half the last one). Controls float from when even the cheapest round costs a long task, the first
  // two rounds counted: the first one pays for what the first controls cost once (their style
  // sheet, their font).
  function learnCost(count: number, ms: number): void {
    if (count === 0) return;
    rounds++;
    cheapestMs = Math.min(cheapestMs, ms);
    if (rounds >= 2 && cheapestMs > LAZY_LAYOUT_MS) floating = true;
    roundSize = Math.max(MIN_ROUND, Math.round(count * Math.min(2, Math.max(0.5, ROUND_MS / Math.max(ms, 1)))));
  }

  // The user may scroll while controls are being made: the next round starts where they look. Where
  // controls float, scrolling near entries without controls starts a round once the scroll pauses.
  let scrollTimer: ReturnType<ContentScriptContext['setTimeout']> | undefined;
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      if (!floating) return;
      if (scrollTimer !== undefined) clearTimeout(scrollTimer);
      scrollTimer = ctx.setTimeout(() => {
        // The round's positions are read first (pump reads before its first wait), then the
        // floating controls are settled: reads before writes, one layout.
        void pump();
        settleFloats();
      }, SCROLL_PAUSE_MS);
    },
    { passive: true, capture: true },
  );
  // A new width moves every entry: floating controls follow once the resizing pauses.
  let resizeTimer: ReturnType<ContentScriptContext['setTimeout']> | undefined;
  ctx.addEventListener(window, 'resize', () => {
    if (!floating) return;
    if (resizeTimer !== undefined) clearTimeout(resizeTimer);
    resizeTimer = ctx.setTimeout(() => settleFloats(), SCROLL_PAUSE_MS);
  });

  /** What the background said of some papers' terms: those it answered for, and the saved ones' keys. */
  interface SavedState {
    answered: Set<string>;
    found: Map<string, string>;
  }

  // Asks for the saved state of `papers` in messages of at most LOOKUP_TERMS terms (a paper's terms
  // all in one message), all sent at once.
  async function savedState(papers: Iterable<Paper>): Promise<SavedState> {
    const messages: string[][] = [];
    let terms = new Set<string>();
    for (const paper of papers) {
      const own = idTermsOf(paper);
      if (terms.size + own.length > LOOKUP_TERMS && terms.size > 0) {
        messages.push([...terms]);
        terms = new Set();
      }
      for (const term of own) terms.add(term);
    }
    if (terms.size > 0) messages.push([...terms]);
    const state: SavedState = { answered: new Set(), found: new Map() };
    const answers = await Promise.all(messages.map((asked) => ask({ type: 'lookup', terms: asked })));
    answers.forEach((answer, at) => {
      if (!answer.ok) return;
      for (const term of messages[at] ?? []) state.answered.add(term);
      for (const [term, key] of Object.entries(answer.found ?? {})) state.found.set(term, key);
    });
    return state;
  }

  /** Shows what `state` says of the control's paper; a control whose lookup failed stays as it is. */
  function applySaved(control: Control, state: SavedState): void {
    const terms = idTermsOf(control.paper);
    if (!terms.every((term) => state.answered.has(term))) return;
    const savedKey = terms.map((term) => state.found.get(term)).find((key) => key !== undefined);
    setSavedKey(control, savedKey);
    // A control offering Undo keeps offering it until the user answers or it expires.
    if (control.state === 'removed' && !savedKey) return;
    control.setState(savedKey ? 'saved' : 'unsaved');
  }

  // Looks the controls up again and applies the answer in one step (changing many controls' states
  // in slices would cost the page a layout per slice). A control the user acted on while the lookup
  // ran (a save or remove, whose own answer set its state) keeps that state: the answer may predate
  // the write.
  async function refresh(targets: Iterable<Control>): Promise<void> {
    const batch = [...targets];
    const before = new Map(batch.map((control) => [control, control.state]));
    const state = await savedState(batch.map((control) => control.paper));
    for (const control of batch) {
      if (control.state !== before.get(control) || control.state === 'saving') continue;
      applySaved(control, state);
    }
  }

  function setSavedKey(control: Control, key: string | undefined): void {
    if (control.savedKey === key) return;
    unindex(control);
    control.savedKey = key;
    index(control);
  }

  async function save(control: Control): Promise<void> {
    control.setState('saving');
    const answer = await ask({ type: 'save', papers: [control.paper] });
    if (!answer.ok) return control.setState('error', answer.error);
    setSavedKey(control, answer.savedKey ?? control.paper.key);
    control.setState('saved');
  }

  async function remove(control: Control): Promise<void> {
    const key = control.savedKey ?? control.paper.key;
    const answer = await ask({ type: 'remove', key });
    if (!answer.ok) return control.setState('error', answer.error);
    setSavedKey(control, undefined);
    control.removedKey = key;
    control.setState('removed');
    ctx.setTimeout(() => {
      if (control.state === 'removed') control.setState('unsaved');
    }, UNDO_MS);
  }

  async function undoRemove(control: Control): Promise<void> {
    const key = control.removedKey;
    if (!key) return control.setState('unsaved');
    control.setState('saving');
    const answer = await ask({ type: 'undo-remove', key });
    if (!answer.ok) return control.setState('error', answer.error);
    control.removedKey = undefined;
    setSavedKey(control, answer.savedKey ?? key);
    control.setState('saved');
  }

  async function turnOff(): Promise<void> {
    await setSiteDisabled(siteOf(location.href), true);
    report(0);
    ctx.notifyInvalidated();
  }

  // Answers with sendResponse (not a returned promise), which every browser supports.
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void): boolean => {
    if (sender.id !== browser.runtime.id) return false;
    const request = readTabRequest(message);
    if (!request) return false;
    if (request.type === 'get-papers') {
      sendResponse({ url: location.href, papers });
      return false;
    }
    // The background restarted and may have missed a change: every control asks again.
    if (request.type === 'library-resync') {
      void refresh(controls.values());
      return false;
    }
    // Only the controls that show a changed key (one of their paper's ids, or the key it is saved
    // under) ask again: a save elsewhere costs this page a lookup of those, not of all its papers.
    const changed = new Set<Control>();
    for (const key of request.keys) for (const control of byTerm.get(key) ?? []) changed.add(control);
    if (changed.size > 0) void refresh(changed);
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    clear();
  });

  // In-app navigation (Hugging Face is a SvelteKit app): drop the old route's controls at once,
  // detect again once the new route has rendered.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    clear();
    schedule();
  });
  const observer = new MutationObserver((mutations) => {
    const ours = mutations.every((mutation) =>
      [...mutation.addedNodes, ...mutation.removedNodes].every((node) => isControlHost(node)),
    );
    if (!ours) schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  void run();
}

/**
 * The indices of `pending` whose anchors are in or near the viewport (half a viewport above it,
 * `below` viewports under it), in page order, skipping those `done`. Anchors come in page order,
 * which on a listing is top to bottom: a binary search finds the first one below the top edge, and
 * a walk from there the last one above the bottom edge. Only positions are read here, so the
 * layout is computed at most once.
 */
function nearViewport(pending: readonly Placed[], done: Uint8Array, below: number): number[] {
  const above = innerHeight / 2;
  const box = (at: number) => (pending[at] as Placed).anchor.getBoundingClientRect();
  let low = 0;
  let high = pending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (box(middle).bottom < -above) low = middle + 1;
    else high = middle;
  }
  const near: number[] = [];
  for (let at = low; at < pending.length && near.length < NEAR_MAX; at++) {
    if (box(at).top > innerHeight * (1 + below)) break;
    if (!done[at]) near.push(at);
  }
  return near;
}

/**
 * Resolves on a later turn of the event loop, letting input and paint run first: `scheduler.yield`
 * where the browser has it, else a MessageChannel message (a task with no timer clamping).
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
