// The side panel: the reading list, newest first, with search as you type, status, delete with
// undo, and export. It reads and writes through lib/library and follows changes made elsewhere.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { downloadText, exportFilename } from '../../components/download';
import { PaperSummary } from '../../components/PaperSummary';
import { toBackup } from '../../lib/formats/backup';
import { toBibtex } from '../../lib/formats/bibtex';
import {
  allPapers,
  getPaper,
  onLibraryChange,
  removePaper,
  restorePaper,
  updatePaper,
} from '../../lib/library/library';
import type { SavedPaper, Status } from '../../lib/paper/model';
import { notifyTabs } from '../../lib/tabs';
import { createSearchIndex } from './search';

const PAGE = 100;
const UNDO_MS = 8000;
const STATUSES: Status[] = ['unread', 'reading', 'read'];

function newestFirst(a: SavedPaper, b: SavedPaper): number {
  return b.savedAt.localeCompare(a.savedAt) || a.key.localeCompare(b.key);
}

export function App() {
  const [papers, setPapers] = useState<Map<string, SavedPaper>>();
  const [query, setQuery] = useState('');
  const [statusFilter, setStatusFilter] = useState<Status | 'all'>('all');
  const [shown, setShown] = useState(PAGE);
  const [error, setError] = useState<string>();
  const [undo, setUndo] = useState<SavedPaper>();
  const index = useRef(createSearchIndex());
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    let live = true;
    allPapers().then(
      (records) => {
        if (!live) return;
        index.current.addAll(records);
        setPapers(new Map(records.map((record) => [record.key, record])));
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
    return statusFilter === 'all' ? matching : matching.filter((paper) => paper.status === statusFilter);
  }, [papers, query, statusFilter]);

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

  function exportAs(kind: 'json' | 'bibtex'): void {
    const list = [...(papers?.values() ?? [])].sort(newestFirst);
    if (kind === 'json') downloadText(toBackup(list), exportFilename('json'), 'application/json');
    else downloadText(toBibtex(list), exportFilename('bib'), 'application/x-bibtex');
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
        <button type="button" data-action="export-json" disabled={papers.size === 0} onClick={() => exportAs('json')}>
          Export JSON
        </button>
        <button
          type="button"
          data-action="export-bibtex"
          disabled={papers.size === 0}
          onClick={() => exportAs('bibtex')}
        >
          Export BibTeX
        </button>
        {papers.size > 0 && (
          <input
            type="search"
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
          <select
            aria-label="Show papers with status"
            value={statusFilter}
            onChange={(event) => setStatusFilter(event.currentTarget.value as Status | 'all')}
          >
            <option value="all">All</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status[0]?.toUpperCase() + status.slice(1)}
              </option>
            ))}
          </select>
        )}
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
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
            {visible.length === papers.size
              ? `${papers.size} ${papers.size === 1 ? 'paper' : 'papers'}`
              : `${visible.length} of ${papers.size} papers`}
          </p>
          <ul class="papers">
            {visible.slice(0, shown).map((paper) => (
              <li key={paper.key} data-paper-key={paper.key}>
                <PaperSummary paper={paper} />
                <div class="actions">
                  <select
                    aria-label={`Status of ${paper.title}`}
                    value={paper.status}
                    onChange={(event) => {
                      const status = event.currentTarget.value as Status;
                      void write(() => updatePaper(paper.key, { status }), [paper.key]);
                    }}
                  >
                    {STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {status}
                      </option>
                    ))}
                  </select>
                  <button type="button" aria-label={`Delete ${paper.title}`} onClick={() => void remove(paper)}>
                    Delete
                  </button>
                </div>
              </li>
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
