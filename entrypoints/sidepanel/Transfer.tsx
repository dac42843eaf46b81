// Export and import in the side panel: the shown papers in any format, and a file read back into
// the library (all of it in one transaction, or nothing) with a summary of what happened.
import { useRef } from 'preact/hooks';
import { downloadText } from '../../components/download';
import { EXPORT_FORMATS, type ExportFormat, FORMATS } from '../../lib/formats/catalog';
import { importRecords } from '../../lib/library/library';
import type { SavedPaper } from '../../lib/paper/model';

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

/** The writers and parsers (the BibTeX parser is large): loaded on the first export or import. */
export function loadFormats(): Promise<typeof import('../../lib/formats/index')> {
  return import('../../lib/formats/index');
}

/** Downloads `papers` in `format` under a dated name (or the citation key, for one paper). */
export async function exportAs(papers: SavedPaper[], format: ExportFormat): Promise<void> {
  const { exportFileName, exportPapers } = await loadFormats();
  downloadText(exportPapers(papers, format), exportFileName(format, { papers }), FORMATS[format].mimeType);
}

export function Transfer({ papers, selection, ready, onDone, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);

  async function importFile(file: File): Promise<void> {
    try {
      const { checkImportSize, describeImport, importBytes } = await loadFormats();
      checkImportSize(file.size);
      const result = importBytes(new Uint8Array(await file.arrayBuffer()), file.name);
      const summary = await importRecords(result.papers);
      onDone(
        describeImport(result, summary),
        result.papers.map((paper) => paper.key),
      );
    } catch (failure) {
      const reason = failure instanceof Error ? failure.message : String(failure);
      onError(`Nothing was imported from ${file.name}: ${reason}`);
    }
  }

  return (
    <div class="transfer">
      <details class="menu-button">
        <summary>
          Export {papers.length === 1 ? '1 paper' : `${papers.length} papers`}
          {selection ? ' (selected)' : ''}
        </summary>
        <div class="menu-list">
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              data-action={`export-${format}`}
              disabled={!ready || papers.length === 0}
              onClick={(event) => {
                event.currentTarget.closest('details')?.removeAttribute('open');
                exportAs(papers, format).catch((failure: unknown) => onError(`Could not export: ${String(failure)}`));
              }}
            >
              {FORMATS[format].label}
            </button>
          ))}
        </div>
      </details>
      <button type="button" data-action="import" onClick={() => input.current?.click()}>
        Import…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,.bib,.bibtex,.ris,.txt,application/json"
        aria-label="Import a papershelf backup, BibTeX, RIS or CSL-JSON file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
