// Export and import in the side panel: the shown papers in any format, and a file read back into
// the library (all of it in one transaction, or nothing) with a summary of what happened. Both run
// in a worker (lib/transfer/worker.ts), which reads and writes the library itself: the panel's
// main thread only sends keys or the File and gets back a file or a summary, with progress, and
// Cancel ends the worker (an import ended before its one write commits changes nothing).
import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadBlob } from '../../components/download';
import { EXPORT_FORMATS, type ExportFormat, FORMATS } from '../../lib/formats/catalog';
import type { SavedPaper } from '../../lib/paper/model';
import type { TransferPhase, TransferReply, TransferRequest } from '../../lib/transfer/work';

interface Props {
  /** The selected papers, else the papers the list shows (the whole library when nothing filters it). */
  papers: SavedPaper[];
  /** Whether `papers` is a selection. */
  selection: boolean;
  /** False while the library is still loading: nothing to export yet. */
  ready: boolean;
  /** Reports what happened, for the status line; `keys` were written. */
  onDone(message: string, keys: string[]): void;
  onError(message: string): void;
}

/** The writers and parsers (the BibTeX parser is large): loaded on first use (copying a citation). */
export function loadFormats(): Promise<typeof import('../../lib/formats/index')> {
  return import('../../lib/formats/index');
}

const PHASES: Record<TransferPhase, string> = {
  reading: 'Reading',
  writing: 'Writing the file',
  parsing: 'Reading the entries',
  saving: 'Saving to your library',
};

interface Job {
  kind: 'export' | 'import';
  phase: TransferPhase;
  count?: number;
  worker: Worker;
}

export function Transfer({ papers, selection, ready, onDone, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [job, setJob] = useState<Job>();
  const running = useRef<Worker>();
  // A panel that closes ends its worker too.
  useEffect(() => () => running.current?.terminate(), []);

  function start(request: TransferRequest): void {
    running.current?.terminate();
    const worker = new Worker(new URL('../../lib/transfer/worker.ts', import.meta.url), { type: 'module' });
    running.current = worker;
    const kind = request.type;
    setJob({ kind, phase: 'reading', worker });
    const finish = () => {
      worker.terminate();
      setJob(undefined);
    };
    worker.onmessage = (event: MessageEvent<TransferReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') setJob({ kind, phase: reply.phase, count: reply.count, worker });
      else if (reply.type === 'exported') {
        downloadBlob(reply.file, reply.name);
        finish();
      } else if (reply.type === 'imported') {
        finish();
        onDone(reply.message, reply.keys);
      } else {
        finish();
        onError(reply.message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      onError(
        kind === 'import'
          ? 'Nothing was imported: papershelf stopped while reading the file.'
          : 'Could not export: papershelf stopped while writing the file.',
      );
    };
    worker.postMessage(request);
  }

  function cancel(): void {
    if (!job || job.phase === 'saving') return;
    job.worker.terminate();
    setJob(undefined);
    onError(job.kind === 'import' ? 'Import cancelled: nothing was imported.' : 'Export cancelled.');
  }

  return (
    <div class="transfer">
      <details class="menu-button">
        <summary>
          Export {papers.length === 1 ? '1 paper' : `${papers.length} papers`}
          {selection ? ' (selected)' : ''}
        </summary>
        <div class="menu-list">
          {EXPORT_FORMATS.map((format: ExportFormat) => (
            <button
              key={format}
              type="button"
              data-action={`export-${format}`}
              disabled={!ready || papers.length === 0 || job !== undefined}
              onClick={(event) => {
                event.currentTarget.closest('details')?.removeAttribute('open');
                start({ type: 'export', format, keys: papers.map((paper) => paper.key) });
              }}
            >
              {FORMATS[format].label}
            </button>
          ))}
        </div>
      </details>
      {/* A selection exports; importing adds to the whole library, from Settings. */}
      {!selection && (
        <button type="button" data-action="import" disabled={job !== undefined} onClick={() => input.current?.click()}>
          Import…
        </button>
      )}
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,.gz,.bib,.bibtex,.ris,.txt,application/json,application/gzip"
        aria-label="Import a papershelf backup, BibTeX, RIS or CSL-JSON file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) start({ type: 'import', file, name: file.name });
        }}
      />
      {job && (
        <p class="transfer-progress" role="status" data-transfer-phase={job.phase}>
          <progress aria-label={job.kind === 'import' ? 'Importing' : 'Exporting'} />
          {PHASES[job.phase]}
          {job.count !== undefined ? ` (${job.count.toLocaleString('en')} papers)` : ''}…
          {job.phase !== 'saving' && (
            <button type="button" data-action="cancel-transfer" onClick={cancel}>
              Cancel
            </button>
          )}
        </p>
      )}
    </div>
  );
}
