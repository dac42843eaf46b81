// The side panel: the reading list, newest first, with search as you type, status, delete with
// undo, and export. It reads and writes through lib/library and follows changes made elsewhere.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RestoreOffer } from '../../components/RestoreOffer';
import {
  allPapers,
  getPaper,
  listPapers,
  onLibraryChange,
  type PaperPatch,
  removePaper,
  restorePaper,
  updatePaper,
} from '../../lib/library/library';
import type { SavedPaper, Status } from '../../lib/paper/model';
import { notifyTabs } from '../../lib/tabs';
import { PaperRow, STATUSES } from './PaperRow';
import { createSearchIndex } from './search';
import { loadFormats, Transfer } from './Transfer';

const PAGE = 100;
const UNDO_MS = 8000;

type Filter = Status | 'all' | 'starred';

function newestFirst(a: SavedPaper, b: SavedPaper): number {
  return b.savedAt.localeCompare(a.savedAt) || a.key.localeCompare(b.key);
}

export function App() {
  const [papers, setPapers] = useState<Map<string, SavedPaper>>();
  // The newest page shows at once (an index cursor); search and export wait for the whole library.
  const [complete, setComplete] = useState(false);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [tag, setTag] = useState<string>();
  const [shown, setShown] = useState(PAGE);
  const [error, setError] = useState<string>();
  const [undo, setUndo] = useState<SavedPaper>();
  const [notice, setNotice] = useState<string>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const index = useRef(createSearchIndex());
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    let live = true;
    listPapers({ limit: PAGE }).then(
      (first) => live && setPapers((current) => current ?? new Map(first.map((record) => [record.key, record]))),
      () => undefined,
    );
    allPapers().then(
      (records) => {
        if (!live) return;
        index.current.addAll(records);
        setPapers(new Map(records.map((record) => [record.key, record])));
        setComplete(true);
      },
      (failure: unknown) => setError(`Could not open the library: ${String(failure)}`),
    );
    // Apply changes from other contexts (a save on a page, the popup) record by record.
    const stop = onLibraryChange(async (keys) => {
      const records = await Promise.all(keys.map(async (key) => [key, await getPaper(key)] as const));
      setPapers((current) => {
        if (!current) return current;
        const next = new Map(current);
        for (const [key, record] of records) {
          if (index.current.has(key)) index.current.discard(key);
          if (record) {
            next.set(key, record);
            index.current.add(record);
          } else {
            next.delete(key);
          }
        }
        return next;
      });
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const visible = useMemo(() => {
    if (!papers) return [];
    const matching = query.trim()
      ? index.current
          .search(query.trim())
          .map((hit) => papers.get(String(hit.id)))
          .filter((paper): paper is SavedPaper => paper !== undefined)
      : [...papers.values()].sort(newestFirst);
    return matching.filter(
      (paper) =>
        (filter === 'all' || (filter === 'starred' ? paper.starred === true : paper.status === filter)) &&
        (tag === undefined || paper.tags?.includes(tag) === true),
    );
  }, [papers, query, filter, tag]);

  // The selected papers still in the library (one deleted elsewhere drops out of the selection).
  const chosen = useMemo(
    () => [...selected].flatMap((key) => papers?.get(key) ?? []).sort(newestFirst),
    [selected, papers],
  );

  async function write(action: () => Promise<unknown>, keys: string[]): Promise<void> {
    setError(undefined);
    try {
      await action();
      void notifyTabs(keys);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function remove(paper: SavedPaper): Promise<void> {
    await write(() => removePaper(paper.key), [paper.key]);
    clearTimeout(undoTimer.current);
    setUndo(paper);
    undoTimer.current = setTimeout(() => setUndo(undefined), UNDO_MS);
  }

  async function restore(): Promise<void> {
    if (!undo) return;
    const record = undo;
    setUndo(undefined);
    await write(() => restorePaper(record), [record.key]);
  }

  async function copyCitation(paper: SavedPaper): Promise<void> {
    try {
      const { exportPapers } = await loadFormats();
      await navigator.clipboard.writeText(exportPapers([paper], 'bibtex'));
      setNotice(`Copied the BibTeX of “${paper.title}”.`);
    } catch (failure) {
      setError(`Could not copy: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  if (!papers) {
    return error ? (
      <p class="error" role="alert">
        {error}
      </p>
    ) : (
      <p class="status-line">Opening your reading list…</p>
    );
  }
  return (
    <main>
      <header>
        <h1>Reading list</h1>
        <Transfer
          papers={chosen.length > 0 ? chosen : visible}
          selection={chosen.length > 0}
          ready={complete}
          onDone={(message, keys) => {
            setError(undefined);
            setNotice(message);
            void notifyTabs(keys);
          }}
          onError={(message) => {
            setNotice(undefined);
            setError(message);
          }}
        />
        {papers.size > 0 && (
          <input
            type="search"
            disabled={!complete}
            placeholder="Search titles, authors, abstracts"
            aria-label="Search the reading list"
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              setShown(PAGE);
            }}
          />
        )}
        {papers.size > 0 && (
          <div class="filters">
            <select
              aria-label="Show papers"
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value as Filter)}
            >
              <option value="all">All</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {status[0]?.toUpperCase() + status.slice(1)}
                </option>
              ))}
              <option value="starred">Starred</option>
            </select>
            {tag !== undefined && (
              <button
                type="button"
                class="tag"
                onClick={() => setTag(undefined)}
                aria-label={`Stop showing only ${tag}`}
              >
                {tag} ×
              </button>
            )}
          </div>
        )}
      </header>
      <RestoreOffer keepBackup />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {papers.size === 0 ? (
        <div class="empty">
          <h2>Your reading list is empty</h2>
          <p>
            Open a paper listing — Hugging Face papers, an arXiv listing or abstract page — and press <b>Save</b> beside
            a title. Or open the papershelf button in the toolbar and choose <b>Save all</b>.
          </p>
          <p>Everything you save stays in this browser; nothing is sent anywhere.</p>
        </div>
      ) : (
        <>
          <p class="status-line" aria-live="polite">
            {!complete
              ? `The newest ${papers.size} papers; loading the rest…`
              : visible.length === papers.size
                ? `${papers.size} ${papers.size === 1 ? 'paper' : 'papers'}`
                : `${visible.length} of ${papers.size} papers`}
            {chosen.length > 0 && (
              <>
                {` · ${chosen.length} selected `}
                <button type="button" onClick={() => setSelected(new Set())}>
                  Clear selection
                </button>
              </>
            )}
          </p>
          <ul class="papers">
            {visible.slice(0, shown).map((paper) => (
              <PaperRow
                key={paper.key}
                paper={paper}
                onUpdate={(patch: PaperPatch) => void write(() => updatePaper(paper.key, patch), [paper.key])}
                onDelete={() => void remove(paper)}
                onTag={setTag}
                onCopy={() => void copyCitation(paper)}
                selected={selected.has(paper.key)}
                onSelect={(on) => {
                  const next = new Set(selected);
                  if (on) next.add(paper.key);
                  else next.delete(paper.key);
                  setSelected(next);
                }}
              />
            ))}
          </ul>
          {visible.length > shown && (
            <button type="button" class="more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, visible.length - shown)} more
            </button>
          )}
        </>
      )}
      {undo && (
        <div class="toast" role="status">
          <span>Deleted “{undo.title}”</span>
          <button type="button" onClick={() => void restore()}>
            Undo
          </button>
        </div>
      )}
    </main>
  );
}
