// Export and import, as the side panel's worker runs them (lib/transfer/worker.ts): the library is
// read and written here, off the panel's main thread, and the panel gets only progress, a file to
// download, or a summary. The formats stay pure (lib/formats); this calls them.
import { z } from 'zod/mini';
import { gunzipBytes, isGzip } from '../durability/compress';
import { EXPORT_FORMATS, type ExportFormat, FORMATS } from '../formats/catalog';
import * as formats from '../formats/index';
import type { Library } from '../library/library';
import type { SavedPaper } from '../paper/model';

/** What the panel asks of the worker. */
export const TransferRequestSchema = z.discriminatedUnion('type', [
  /** The papers with these keys, in this order (the panel's list or selection), in `format`. */
  z.object({
    type: z.literal('export'),
    format: z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]]),
    keys: z.array(z.string()),
  }),
  /** A file to read into the library: all of it in one transaction, or nothing. */
  z.object({ type: z.literal('import'), file: z.instanceof(Blob), name: z.string() }),
]);
export type TransferRequest = z.infer<typeof TransferRequestSchema>;

/** Where the work is; `saving` is the import's one write (cancelling then would not undo it). */
export type TransferPhase = 'reading' | 'writing' | 'parsing' | 'saving';

/** What the worker tells the panel. */
export type TransferReply =
  | { type: 'progress'; phase: TransferPhase; count?: number }
  | { type: 'exported'; file: Blob; name: string; count: number }
  | { type: 'imported'; message: string; keys: string[] }
  | { type: 'failed'; message: string };

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// A gzip file (papershelf's backup file, `.json.gz`, or any compressed list) is read as what it
// unpacks to, which may be larger than a plain file: a backup compresses about sevenfold.
async function unpacked(
  bytes: Uint8Array,
  name: string,
): Promise<{ bytes: Uint8Array; name: string; maxBytes?: number }> {
  if (!isGzip(bytes)) return { bytes, name };
  const maxBytes = formats.MAX_UNPACKED_BYTES;
  const tooLarge = () =>
    new formats.FormatError(
      `the file unpacks to more than ${maxBytes / (1024 * 1024)} MB, more than papershelf imports: split it into smaller files`,
    );
  const inner = await gunzipBytes(bytes, maxBytes, tooLarge).catch((error: unknown) => {
    if (error instanceof formats.FormatError) throw error;
    throw new formats.FormatError(
      'the file looks like a gzip archive but does not unpack: it may be damaged or cut short',
    );
  });
  return { bytes: inner, name: name.replace(/\.gz$/i, ''), maxBytes };
}

/** Runs one export or import against `library`, telling `post` how it goes; never throws. */
export async function runTransfer(
  input: unknown,
  library: Library,
  post: (reply: TransferReply) => void,
): Promise<void> {
  const parsed = TransferRequestSchema.safeParse(input);
  if (!parsed.success) return post({ type: 'failed', message: 'papershelf refused a malformed request' });
  const request = parsed.data;
  if (request.type === 'export') {
    try {
      post({ type: 'progress', phase: 'reading', count: request.keys.length });
      const byKey = new Map((await library.allPapers()).map((paper) => [paper.key, paper]));
      const papers = request.keys.map((key) => byKey.get(key)).filter((paper): paper is SavedPaper => !!paper);
      post({ type: 'progress', phase: 'writing', count: papers.length });
      const text = formats.exportPapers(papers, request.format);
      post({
        type: 'exported',
        file: new Blob([text], { type: FORMATS[request.format].mimeType }),
        name: formats.exportFileName(request.format, { papers }),
        count: papers.length,
      });
    } catch (error) {
      post({ type: 'failed', message: `Could not export: ${reason(error)}` });
    }
    return;
  }
  try {
    post({ type: 'progress', phase: 'reading' });
    formats.checkImportSize(request.file.size);
    const read = await unpacked(new Uint8Array(await request.file.arrayBuffer()), request.name);
    post({ type: 'progress', phase: 'parsing' });
    const result = formats.importBytes(read.bytes, read.name, { maxBytes: read.maxBytes });
    post({ type: 'progress', phase: 'saving', count: result.papers.length });
    // lib/formats parsed every paper with SavedPaperSchema already.
    const summary = await library.importRecords(result.papers, { parsed: true });
    post({
      type: 'imported',
      message: formats.describeImport(result, summary),
      keys: result.papers.map((paper) => paper.key),
    });
  } catch (error) {
    post({ type: 'failed', message: `Nothing was imported from ${request.name}: ${reason(error)}` });
  }
}
