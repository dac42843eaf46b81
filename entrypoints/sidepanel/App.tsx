// The side panel: the reading list as a virtual list a researcher keeps open all day. Rows come
// from lib/search/view.ts (keys in order, records for the rows on screen); writes go through
// lib/library. Keyboard first: see Help.tsx for the shortcuts.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { safeHref } from '../../components/links';
import { Menu } from '../../components/Menu';
import { RestoreOffer } from '../../components/RestoreOffer';
import { Toast, type ToastMessage } from '../../components/Toast';
import { SERVICES } from '../../lib/completion/services/index';
import { readCompletionSettings } from '../../lib/completion/settings';
import type { ServiceId } from '../../lib/completion/types';
import { papersFromIdentifiers } from '../../lib/detect/address';
import { count, STATUS_NAMES } from '../../lib/display';
import {
  type PaperPatch,
  removePaper,
  restorePaper,
  savePapers,
  undoCompletion,
  updatePaper,
} from '../../lib/library/library';
import type { SavedPaper, Status } from '../../lib/paper/model';
import { RowRecords } from '../../lib/search/row-records';
import { type LibraryView, openLibraryView, type SortBy, type ViewQuery, type ViewResult } from '../../lib/search/view';
import { notifyTabs } from '../../lib/tabs';
import { texToText } from '../../lib/tex-text';
import { askCompletion } from './Completion';
import { Editor } from './Editor';
import { Help } from './Help';
import { matcher } from './highlight';
import { PaperList, ROW_HEIGHT } from './List';
import { type RowActions, STATUSES } from './Row';
import { Settings } from './Settings';
import { loadFormats, Transfer } from './Transfer';

type Filter = Status | 'all' | 'starred';
const SORT_NAMES: Record<SortBy, string> = {
  saved: 'Recently saved',
  published: 'Recently published',
  title: 'Title A–Z',
};

function describe(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function App() {
  const view = useMemo<LibraryView>(() => openLibraryView(), []);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortBy>('saved');
  const [filter, setFilter] = useState<Filter>('all');
  const [tag, setTag] = useState<string>();
  const [result, setResult] = useState<ViewResult>();
  // The records of the rows on and near the screen, changed in place; `held` counts the changes
  // so that Preact draws them.
  const [records] = useState(() => new RowRecords());
  const [version, setVersion] = useState(0);
  const redraw = () => setVersion((n) => n + 1);
  const [current, setCurrentState] = useState(0);
  // The current row also lives in a ref: two keys pressed before a re-render must both count.
  const currentRef = useRef(0);
  const setCurrent = (index: number) => {
    currentRef.current = index;
    setCurrentState(index);
  };
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<{ key: string; field?: 'tags' | 'note' }>();
  const [toast, setToast] = useState<ToastMessage>();
  const [help, setHelp] = useState(false);
  const [page, setPage] = useState<'list' | 'settings'>('list');
  const [library, setLibrary] = useState<SavedPaper[]>();
  const [bulkTag, setBulkTag] = useState<string>();
  // Add by identifier: the pasted text while the form is open, and what it could not read.
  const [adding, setAdding] = useState<string>();
  const [addProblem, setAddProblem] = useState<string>();
  const [linked] = useState(() => new URLSearchParams(location.search).get('paper') ?? undefined);
  const [error, setError] = useState<string>();
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const anchor = useRef(0);
  const focusWanted = useRef(false);
  const linkShown = useRef(false);
  const [changes, setChanges] = useState(0);

  const query: ViewQuery = useMemo(
    () => ({
      text,
      sort,
      status: filter === 'all' || filter === 'starred' ? undefined : filter,
      starred: filter === 'starred' ? true : undefined,
      tag,
    }),
    [text, sort, filter, tag],
  );
  const keys = result?.keys ?? [];
  // One matcher while the words stay the same: a new one draws every row again, and the worker
  // answers the same words anew each time it takes in a page of a loading library.
  const terms = (result?.terms ?? []).join('\n');
  const pattern = useMemo(() => matcher(terms === '' ? [] : terms.split('\n')), [terms]);

  // Change notices that come while a query is out are asked about once, when its answer is in: a
  // loading library announces a page of 1,000 papers every few hundred ms, and each answer (every
  // key again, worked out by the worker and mapped here) competes with scrolling for the CPU.
  const asking = useRef(false);
  const changedMeanwhile = useRef(false);
  useEffect(() => {
    let live = true;
    asking.current = true;
    view
      .query(query)
      .then(
        (answer) => live && setResult(answer),
        (failure: unknown) => live && setError(`Could not read the library: ${describe(failure)}`),
      )
      .finally(() => {
        if (!live) return;
        asking.current = false;
        if (!changedMeanwhile.current) return;
        changedMeanwhile.current = false;
        setChanges((n) => n + 1);
      });
    return () => {
      live = false;
    };
  }, [view, query, changes]);

  useEffect(() => {
    // A changed paper keeps its old record on screen until the new one is read, so a row (and
    // the editor) never blinks out between the two.
    // Rows not cached are read when they come on screen: while the worker loads a big library,
    // each page it announces would otherwise be read and parsed here, 1,000 records at a time.
    const stop = view.onChange((changed) => {
      if (asking.current) changedMeanwhile.current = true;
      else setChanges((n) => n + 1);
      const stale = records.stale(changed);
      if (stale.length === 0) return;
      void view.records(stale).then((found) => {
        records.refresh(stale, found);
        redraw();
      });
    });
    return () => {
      stop();
      view.close();
    };
  }, [view]);

  // Read the records of the blocks of rows around the screen that are not held yet (and the
  // edited paper's): the list tells the blocks, and the effect runs again only when the screen
  // reaches another block.
  const [{ from, to }, setHeldRows] = useState({ from: 0, to: 0 });
  useEffect(() => {
    const missing = records.missing(editing ? [...keys.slice(from, to), editing.key] : keys.slice(from, to));
    if (missing.length === 0) return;
    view.records(missing).then(
      (found) => {
        records.put(missing, found);
        redraw();
      },
      () => records.put(missing, new Map()),
    );
  }, [view, keys, from, to, editing?.key]);

  // Keep the current row inside the list; keep the selection to papers that still exist.
  useEffect(() => {
    if (current >= keys.length && keys.length > 0) setCurrent(keys.length - 1);
  }, [keys.length]);

  // The deep link (sidepanel.html?paper=<key>): scroll to that paper once it is in the list.
  useEffect(() => {
    if (!linked || linkShown.current) return;
    const at = keys.indexOf(linked);
    if (at < 0) return;
    linkShown.current = true;
    setCurrent(at);
    reveal(at, 'center');
    focusWanted.current = true;
  }, [keys]);

  // Move keyboard focus to the current row once it is rendered (a row still loading has no tabindex).
  function focusCurrent(index = current): void {
    if (!focusWanted.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"][tabindex]`);
    if (row) {
      focusWanted.current = false;
      row.focus({ preventScroll: true });
    }
  }
  useEffect(() => focusCurrent());

  /** Scrolls row `index` into view: just enough ('auto'), or to the middle of the list. */
  function reveal(index: number, align: 'auto' | 'center'): void {
    const box = scroller.current;
    if (!box) return;
    const top = index * ROW_HEIGHT;
    if (align === 'center') box.scrollTop = top - (box.clientHeight - ROW_HEIGHT) / 2;
    else if (top < box.scrollTop) box.scrollTop = top;
    else if (top + ROW_HEIGHT > box.scrollTop + box.clientHeight) box.scrollTop = top + ROW_HEIGHT - box.clientHeight;
  }

  function moveTo(index: number, extend = false): void {
    if (keys.length === 0) return;
    const next = Math.max(0, Math.min(keys.length - 1, index));
    if (extend) {
      const [from, to] = [Math.min(anchor.current, next), Math.max(anchor.current, next)];
      setSelected(new Set(keys.slice(from, to + 1)));
    } else {
      anchor.current = next;
    }
    setCurrent(next);
    reveal(next, 'auto');
    focusWanted.current = true;
    focusCurrent(next);
  }

  function toast_(message: ToastMessage): void {
    setToast(message);
  }

  async function write(action: () => Promise<unknown>, written: string[]): Promise<boolean> {
    try {
      await action();
      void notifyTabs(written);
      return true;
    } catch (failure) {
      toast_({ text: `Could not save the change: ${describe(failure)}`, tone: 'error' });
      return false;
    }
  }

  async function recordsOf(list: readonly string[]): Promise<SavedPaper[]> {
    const found = await view.records(list);
    return list.flatMap((key) => found.get(key) ?? []);
  }

  async function remove(papers: SavedPaper[]): Promise<void> {
    if (papers.length === 0) return;
    const removed: SavedPaper[] = [];
    const ok = await write(
      async () => {
        for (const paper of papers) {
          const record = await removePaper(paper.key);
          if (record) removed.push(record);
        }
      },
      papers.map((paper) => paper.key),
    );
    if (!ok) return;
    setSelected(new Set());
    const first = removed[0];
    toast_({
      text:
        removed.length === 1 && first
          ? `Removed “${texToText(first.title)}”`
          : `Removed ${count(removed.length, 'paper')}`,
      action: {
        label: 'Undo',
        run: () =>
          void write(
            async () => {
              for (const record of removed) await restorePaper(record);
            },
            removed.map((record) => record.key),
          ),
      },
    });
  }

  async function patchAll(list: readonly string[], patch: PaperPatch | ((paper: SavedPaper) => PaperPatch)) {
    const papers = await recordsOf(list);
    return write(async () => {
      for (const paper of papers) await updatePaper(paper.key, typeof patch === 'function' ? patch(paper) : patch);
    }, [...list]);
  }

  /**
   * Adds the papers the pasted identifiers name, each as the identifier alone tells it (marked
   * incomplete until a page gives its title); what names no paper stays in the box, named by line.
   */
  async function addByIdentifier(text: string): Promise<void> {
    const { papers, unread } = papersFromIdentifiers(text);
    let created = 0;
    if (papers.length > 0) {
      const ok = await write(
        async () => {
          created = (await savePapers(papers)).filter((result) => result.created).length;
        },
        papers.map((paper) => paper.key),
      );
      if (!ok) return;
      const known = papers.length - created;
      // With completion on, what the identifiers name is asked for at once.
      const on = (await readCompletionSettings().catch(() => undefined))?.services.length ?? 0;
      if (on > 0) void askCompletion(papers.map((paper) => paper.key)).catch(() => {});
      toast_({
        text: [
          created > 0 ? `Added ${count(created, 'paper')}` : '',
          known > 0 ? `${count(known, 'paper')} already in your list` : '',
          on > 0 ? 'completing them' : '',
        ]
          .filter((part) => part !== '')
          .join('; '),
      });
    }
    if (unread.length === 0) {
      setAdding(undefined);
      setAddProblem(undefined);
      return;
    }
    const lines = [...new Set(unread.map((word) => word.line))];
    setAdding(unread.map((word) => word.text).join('\n'));
    setAddProblem(
      `${lines.length === 1 ? 'Line' : 'Lines'} ${lines.join(', ')} of what you pasted ${lines.length === 1 ? 'names' : 'name'} no paper papershelf can tell: ` +
        `${unread
          .slice(0, 5)
          .map((word) => `“${word.text}”`)
          .join(', ')}${unread.length > 5 ? ` and ${unread.length - 5} more` : ''}. ` +
        'Use an arXiv id, a DOI, a PubMed id (PMID:…), an OpenReview or ACL id, or the address of a paper’s page.',
    );
  }

  /** Takes `tag` off every selected paper that has it; Undo gives each its tags back as they were. */
  async function untag(tag: string): Promise<void> {
    const papers = (await recordsOf([...selected])).filter((paper) => paper.tags?.includes(tag));
    if (papers.length === 0) return;
    const written = papers.map((paper) => paper.key);
    const ok = await write(async () => {
      for (const paper of papers)
        await updatePaper(paper.key, { tags: (paper.tags ?? []).filter((other) => other !== tag) });
    }, written);
    if (!ok) return;
    toast_({
      text: `Removed the tag “${tag}” from ${count(papers.length, 'paper')}`,
      action: {
        label: 'Undo',
        run: () =>
          void write(async () => {
            for (const paper of papers) await updatePaper(paper.key, { tags: paper.tags ?? [] });
          }, written),
      },
    });
  }

  /** Asks the background to complete `keys` (every paper without them); says what it did. */
  async function complete(keys?: string[]): Promise<void> {
    try {
      toast_({ text: await askCompletion(keys) });
    } catch (failure) {
      toast_({ text: describe(failure), tone: 'error' });
    }
  }

  /** Takes out what completion filled in `paper` (one service's, with `service`); Undo puts it back. */
  async function undoCompleted(paper: SavedPaper, service?: string): Promise<void> {
    const ok = await write(() => undoCompletion(paper.key, service ? { service } : {}), [paper.key]);
    if (!ok) return;
    toast_({
      text: `Took out what ${service ? (SERVICES[service as ServiceId]?.label ?? service) : 'completion'} filled in “${texToText(paper.title)}”`,
      action: { label: 'Undo', run: () => void write(() => restorePaper(paper), [paper.key]) },
    });
  }

  const actions: RowActions = {
    open(paper) {
      const url = safeHref(paper.url);
      if (url) void browser.tabs.create({ url });
    },
    star: (paper) => void write(() => updatePaper(paper.key, { starred: !paper.starred }), [paper.key]),
    setStatus: (paper, status) => void write(() => updatePaper(paper.key, { status }), [paper.key]),
    edit: (paper, field) => setEditing({ key: paper.key, field }),
    async copy(paper) {
      try {
        const { exportPapers } = await loadFormats();
        await navigator.clipboard.writeText(exportPapers([paper], 'bibtex'));
        toast_({ text: `Copied the BibTeX of “${texToText(paper.title)}”` });
      } catch (failure) {
        toast_({ text: `Could not copy: ${describe(failure)}`, tone: 'error' });
      }
    },
    remove: (paper) => void remove([paper]),
    complete: (paper) => void complete([paper.key]),
    undoCompletion: (paper, service) => void undoCompleted(paper, service),
    showTag: (name) => {
      setTag(name);
      setPage('list');
    },
  };

  function pick(index: number, event: PointerEvent): void {
    if (event.shiftKey) {
      moveTo(index, true);
    } else if (event.metaKey || event.ctrlKey) {
      toggle(index);
    } else {
      moveTo(index);
    }
  }

  function toggle(index: number): void {
    const key = keys[index];
    if (key === undefined) return;
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    anchor.current = index;
    setSelected(next);
  }

  // What the list and its rows are given stays the same from render to render (each calls the
  // newest of these), so that a row is drawn again only when what it shows changed.
  const latest = useRef({ actions, pick, toggle, moveTo });
  latest.current = { actions, pick, toggle, moveTo };
  const stable = useMemo(() => {
    const now = () => latest.current;
    const actions: RowActions = {
      open: (paper) => now().actions.open(paper),
      star: (paper) => now().actions.star(paper),
      setStatus: (paper, status) => now().actions.setStatus(paper, status),
      edit: (paper, field) => now().actions.edit(paper, field),
      copy: (paper) => now().actions.copy(paper),
      remove: (paper) => now().actions.remove(paper),
      showTag: (name) => now().actions.showTag(name),
      complete: (paper) => now().actions.complete(paper),
      undoCompletion: (paper, service) => now().actions.undoCompletion(paper, service),
    };
    return {
      actions,
      onPick: (index: number, event: PointerEvent) => now().pick(index, event),
      onToggle: (index: number, event: MouseEvent) =>
        event.shiftKey ? now().moveTo(index, true) : now().toggle(index),
      onHeld: (from: number, to: number) =>
        setHeldRows((held) => (held.from === from && held.to === to ? held : { from, to })),
    };
  }, []);

  // The shortcuts (Help.tsx lists them). Keys typed into a field are the field's.
  // The handler is set on every render and registered once, so a key always meets the newest state.
  const onKey = useRef<(event: KeyboardEvent) => void>();
  onKey.current = (event: KeyboardEvent) => {
    // The open dialog, not the state (re-rendered a moment later), says whether help is shown.
    if (document.querySelector('dialog[open]') || page !== 'list' || event.altKey) return;
    const target = event.target;
    const current = currentRef.current;
    if (target === search.current) {
      if (event.key === 'Escape') {
        event.preventDefault();
        if (text) setText('');
        else moveTo(current);
      } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
        event.preventDefault();
        moveTo(current);
      }
      return;
    }
    if (typing(target) || (target instanceof Element && target.closest('[role="menu"], .editor'))) return;
    const paperKey = keys[current];
    const paper = paperKey === undefined ? undefined : records.get(paperKey);
    const mod = event.ctrlKey || event.metaKey;
    const run = (fn: () => void) => {
      event.preventDefault();
      fn();
    };
    if (mod) {
      if (event.key === 'a') run(() => setSelected(new Set(keys)));
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        return run(() => moveTo(current + 1, event.shiftKey));
      case 'ArrowUp':
      case 'k':
        return run(() => moveTo(current - 1, event.shiftKey));
      case 'J':
        return run(() => moveTo(current + 1, true));
      case 'K':
        return run(() => moveTo(current - 1, true));
      case 'Home':
        return run(() => moveTo(0));
      case 'End':
        return run(() => moveTo(keys.length - 1));
      case '/':
        return run(() => search.current?.focus());
      case '?':
        return run(() => setHelp(true));
      case 'Escape':
        if (selected.size > 0) run(() => setSelected(new Set()));
        return;
      case 'Delete':
      case 'Backspace':
        if (selected.size > 0) return run(() => void recordsOf([...selected]).then(remove));
        if (paper) run(() => void remove([paper]));
        return;
    }
    if (target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) return;
    if (event.key === 'x' || event.key === ' ') return run(() => toggle(current));
    if (!paper) return;
    const status = { '1': 'unread', '2': 'reading', '3': 'read' }[event.key] as Status | undefined;
    if (status) return run(() => actions.setStatus(paper, status));
    switch (event.key) {
      case 'Enter':
      case 'o':
        return run(() => actions.open(paper));
      case 's':
        return run(() => actions.star(paper));
      case 't':
        return run(() => actions.edit(paper, 'tags'));
      case 'n':
        return run(() => actions.edit(paper, 'note'));
      case 'e':
        return run(() => actions.edit(paper));
      case 'c':
        return run(() => void actions.copy(paper));
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current?.(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // The whole library, for the settings view's export.
  useEffect(() => {
    if (page !== 'settings') return;
    let live = true;
    view
      .query({ text: '', sort: 'saved' })
      .then((all) => recordsOf(all.keys))
      .then((papers) => live && setLibrary(papers));
    return () => {
      live = false;
    };
  }, [page, changes]);

  // The selected papers' records, for the selection's export (Transfer.tsx sends their keys to its worker).
  const [chosen, setChosen] = useState<SavedPaper[]>([]);
  useEffect(() => {
    let live = true;
    void recordsOf([...selected]).then((papers) => live && setChosen(papers));
    return () => {
      live = false;
    };
  }, [selected, changes]);
  // The tags on the selection, most used first, for Untag.
  const chosenTags = useMemo(() => {
    const uses = new Map<string, number>();
    for (const paper of chosen) for (const name of paper.tags ?? []) uses.set(name, (uses.get(name) ?? 0) + 1);
    return [...uses].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  }, [chosen]);

  const editedPaper = editing ? records.get(editing.key) : undefined;
  const filtered = text.trim() !== '' || filter !== 'all' || tag !== undefined;
  const heading = (
    <header class="panel-header">
      <div class="panel-bar">
        <h1>{page === 'list' ? 'Reading list' : 'Settings'}</h1>
        {page === 'list' && result && result.total > 0 && (
          <span
            class="panel-count"
            aria-live="polite"
            title={filtered ? `${keys.length} of ${count(result.total, 'paper')}` : count(result.total, 'paper')}
          >
            {filtered ? `${keys.length} of ${result.total}` : count(result.total, 'paper')}
          </span>
        )}
        {page === 'list' && (
          <button
            type="button"
            class="ps-button ps-button-quiet ps-button-icon"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => setHelp(true)}
          >
            ?
          </button>
        )}
        {page === 'list' && (
          <button
            type="button"
            class="ps-button ps-button-quiet"
            data-action="add-papers"
            aria-expanded={adding !== undefined}
            onClick={() => {
              setAdding(adding === undefined ? '' : undefined);
              setAddProblem(undefined);
            }}
          >
            Add
          </button>
        )}
        <button
          type="button"
          class="ps-button ps-button-quiet"
          data-action="settings"
          aria-pressed={page === 'settings'}
          onClick={() => setPage(page === 'list' ? 'settings' : 'list')}
        >
          {page === 'list' ? 'Settings' : 'Back to the list'}
        </button>
      </div>
      {page === 'list' && adding !== undefined && (
        <form
          class="add-papers"
          onSubmit={(event) => {
            event.preventDefault();
            void addByIdentifier(adding);
          }}
        >
          <label for="add-papers-text">Add papers by identifier or address, one a line</label>
          <textarea
            id="add-papers-text"
            class="ps-input"
            rows={4}
            placeholder={'arXiv:2310.03646\n10.1038/s41586-021-03819-2\nhttps://openreview.net/forum?id=…'}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to paste identifiers
            autoFocus
            value={adding}
            onInput={(event) => setAdding(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setAdding(undefined);
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void addByIdentifier(adding);
              }
            }}
          />
          {addProblem && (
            <p class="ps-alert" role="alert">
              {addProblem}
            </p>
          )}
          <p class="ps-hint">
            Each paper is saved as its identifier tells it: open its page and save it there for the title and authors.
          </p>
          <div class="add-papers-actions">
            <button type="submit" class="ps-button ps-button-primary" disabled={adding.trim() === ''}>
              Add papers
            </button>
            <button type="button" class="ps-button ps-button-quiet" onClick={() => setAdding(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {page === 'list' && result && result.total > 0 && (
        <>
          <input
            ref={search}
            type="search"
            class="ps-input panel-search"
            placeholder="Search titles, authors, abstracts, notes  ( / )"
            aria-label="Search the reading list"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <div class="panel-filters">
            <select
              class="ps-input"
              aria-label="Show papers"
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value as Filter)}
            >
              <option value="all">All papers</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_NAMES[status]}
                </option>
              ))}
              <option value="starred">Starred</option>
            </select>
            <select
              class="ps-input"
              aria-label="Sort by"
              value={sort}
              onChange={(event) => setSort(event.currentTarget.value as SortBy)}
            >
              {(Object.keys(SORT_NAMES) as SortBy[]).map((by) => (
                <option key={by} value={by}>
                  {SORT_NAMES[by]}
                </option>
              ))}
            </select>
            {tag !== undefined && (
              <button
                type="button"
                class="ps-chip panel-tag"
                onClick={() => setTag(undefined)}
                aria-label={`Show all tags, not only “${tag}”`}
              >
                {tag} ×
              </button>
            )}
          </div>
        </>
      )}
      {page === 'list' && selected.size > 0 && (
        <div class="selection-bar" role="toolbar" aria-label="Selected papers">
          <div class="selection-head">
            <span>{count(selected.size, 'paper')} selected</span>
            <button type="button" class="ps-button ps-button-quiet" onClick={() => setSelected(new Set())}>
              Clear
            </button>
          </div>
          <Menu
            label="Set the status of the selected papers"
            items={STATUSES.map((status) => ({
              label: STATUS_NAMES[status],
              onSelect: () => void patchAll([...selected], { status }),
            }))}
          >
            Status
          </Menu>
          <button type="button" class="ps-button" onClick={() => setBulkTag('')}>
            Tag
          </button>
          <Menu
            label="Star or unstar the selected papers"
            items={[
              { label: 'Star', onSelect: () => void patchAll([...selected], { starred: true }) },
              { label: 'Unstar', onSelect: () => void patchAll([...selected], { starred: false }) },
            ]}
          >
            Star
          </Menu>
          <Menu
            label="Untag the selected papers: take a tag off them"
            items={
              chosenTags.length > 0
                ? chosenTags.map(([name, n]) => ({
                    label: n === chosen.length ? name : `${name} (${n} of ${chosen.length})`,
                    onSelect: () => void untag(name),
                  }))
                : [{ label: 'No tags on these papers', disabled: true, onSelect: () => {} }]
            }
          >
            Untag
          </Menu>
          <button
            type="button"
            class="ps-button"
            data-action="complete-selection"
            onClick={() => void complete([...selected])}
          >
            Complete
          </button>
          <Transfer
            papers={chosen}
            selection
            ready={chosen.length === selected.size}
            onDone={(message, written) => {
              toast_({ text: message });
              void notifyTabs(written);
            }}
            onError={(message) => toast_({ text: message, tone: 'error' })}
          />
          <button
            type="button"
            class="ps-button ps-button-danger"
            onClick={() => void recordsOf([...selected]).then(remove)}
          >
            Remove
          </button>
          {bulkTag !== undefined && (
            <form
              class="bulk-tag"
              onSubmit={(event) => {
                event.preventDefault();
                const name = bulkTag.replace(/\s+/g, ' ').trim();
                setBulkTag(undefined);
                if (name)
                  void patchAll([...selected], (paper) => ({ tags: [...new Set([...(paper.tags ?? []), name])] }));
              }}
            >
              <input
                class="ps-input"
                aria-label="Tag to add to the selected papers"
                placeholder="Tag to add"
                // biome-ignore lint/a11y/noAutofocus: the user just asked to type a tag
                autoFocus
                value={bulkTag}
                onInput={(event) => setBulkTag(event.currentTarget.value)}
                onKeyDown={(event) => event.key === 'Escape' && setBulkTag(undefined)}
              />
              <button type="submit" class="ps-button ps-button-primary">
                Add
              </button>
            </form>
          )}
        </div>
      )}
    </header>
  );

  const transfer = (
    <Transfer
      papers={library ?? []}
      selection={false}
      ready={library !== undefined}
      onDone={(message, written) => {
        toast_({ text: message });
        void notifyTabs(written);
      }}
      onError={(message) => toast_({ text: message, tone: 'error' })}
    />
  );

  return (
    <main class="panel">
      {heading}
      <RestoreOffer keepBackup />
      {error && (
        <p class="ps-alert" role="alert">
          {error}
        </p>
      )}
      {page === 'settings' ? (
        <Settings
          transfer={transfer}
          onMessage={(text, error) => toast_({ text, ...(error ? { tone: 'error' } : {}) })}
        />
      ) : !result ? (
        <p class="ps-hint panel-loading">Opening your reading list…</p>
      ) : result.total === 0 ? (
        <div class="ps-empty">
          <h2>Your reading list is empty</h2>
          <p>
            Open a paper listing — Hugging Face papers, an arXiv listing or abstract page — and press <b>Save</b> beside
            a title, or choose <b>Save all</b> from the papershelf button in the toolbar.
          </p>
          <p>
            Have a library elsewhere? <b>Settings</b> imports a BibTeX, RIS, CSL-JSON or papershelf file. Have a list of
            arXiv ids or DOIs? <b>Add</b> takes them, one a line.
          </p>
          <p class="ps-hint">Everything you save stays in this browser.</p>
        </div>
      ) : keys.length === 0 ? (
        <div class="ps-empty" data-state="no-results">
          <h2>No papers match</h2>
          <p>
            {text.trim() ? `Nothing in your ${count(result.total, 'paper')} matches “${text.trim()}”` : 'No paper'}
            {filter !== 'all'
              ? ` among ${filter === 'starred' ? 'starred' : STATUS_NAMES[filter].toLowerCase()} papers`
              : ''}
            {tag !== undefined ? ` tagged “${tag}”` : ''}.
          </p>
          <button
            type="button"
            class="ps-button ps-button-primary"
            onClick={() => {
              setText('');
              setFilter('all');
              setTag(undefined);
            }}
          >
            Show all papers
          </button>
        </div>
      ) : (
        <PaperList
          scroller={scroller}
          keys={keys}
          records={records}
          version={version}
          current={current}
          selected={selected}
          linked={linked}
          pattern={pattern}
          actions={stable.actions}
          onPick={stable.onPick}
          onToggle={stable.onToggle}
          onHeld={stable.onHeld}
        />
      )}
      {page === 'list' && editedPaper && (
        <Editor
          key={editedPaper.key}
          paper={editedPaper}
          focus={editing?.field}
          save={(patch) => write(() => updatePaper(editedPaper.key, patch), [editedPaper.key])}
          onClose={() => {
            setEditing(undefined);
            focusWanted.current = true;
          }}
        />
      )}
      {help && <Help onClose={() => setHelp(false)} />}
      {toast && <Toast message={toast} onDismiss={() => setToast(undefined)} />}
    </main>
  );
}
