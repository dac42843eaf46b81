// gzip through the platform's own CompressionStream (Chrome 80+, Firefox 113+, Node 18+): no
// library to ship or keep up to date, and it runs in the service worker. Extension storage keeps
// JSON values only, so the bytes travel as base64 there.

/**
 * Compresses the text of `pieces`, made one at a time, to gzip bytes. `between()` runs before each
 * piece: the rolling backup yields to other work there, and throws there to stop (nothing is kept).
 */
export async function gzipPieces(
  pieces: Iterable<string>,
  between: () => Promise<void> = async () => {},
): Promise<Uint8Array> {
  const compression = new CompressionStream('gzip');
  const writer = compression.writable.getWriter();
  const bytes = new Response(compression.readable).arrayBuffer();
  const encoder = new TextEncoder();
  try {
    for (const piece of pieces) {
      await between();
      await writer.write(encoder.encode(piece));
    }
    await writer.close();
  } catch (error) {
    bytes.catch(() => {});
    await writer.abort(error).catch(() => {});
    throw error;
  }
  return new Uint8Array(await bytes);
}

/** Decompresses gzip bytes to text; throws when they are not gzip (a damaged backup). */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** Whether bytes begin as a gzip file does. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip bytes, stopping as soon as the output passes `limit` bytes (a gzip bomb unpacks
 * to gigabytes) with `onTooLarge()`'s error; throws when the bytes are not gzip.
 */
export async function gunzipBytes(bytes: Uint8Array, limit: number, onTooLarge: () => Error): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw onTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// btoa/atob work on "binary strings"; a chunk at a time keeps String.fromCharCode's argument list short.
const CHUNK = 0x8000;

/** Bytes as base64 text. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** base64 text as bytes; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
