// What a content script reads of the messages it receives, without zod (issue 9: a validation
// library was a third of every content script). The background parses everything the content
// scripts send with the schemas of lib/messages.ts; in the other direction only the extension's
// own contexts can reach a content script (the sender's id is checked too), and the script takes
// exactly the few fields below, each checked for its type, and treats anything else as no answer.
import type { TabRequest } from './messages';

/** What a content script takes from the background's answer to one of its requests. */
export type ContentAnswer =
  | { ok: true; found?: Record<string, string>; savedKey?: string }
  | { ok: false; error: string };

const MAX_KEYS = 10_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stringsOnly(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const found: Record<string, string> = {};
  for (const [term, key] of Object.entries(value)) if (typeof key === 'string') found[term] = key;
  return found;
}

/** The background's answer as the content script uses it; undefined when it is not one. */
export function readAnswer(answer: unknown): ContentAnswer | undefined {
  if (!isRecord(answer)) return undefined;
  if (answer.ok === false) return typeof answer.error === 'string' ? { ok: false, error: answer.error } : undefined;
  if (answer.ok !== true) return undefined;
  const read: ContentAnswer = { ok: true };
  const found = stringsOnly(answer.found);
  if (found) read.found = found;
  const first: unknown = Array.isArray(answer.saved) ? answer.saved[0] : undefined;
  if (isRecord(first) && typeof first.key === 'string' && first.key !== '') read.savedKey = first.key;
  return read;
}

/** A request from the extension to this tab's content script; undefined when it is not one. */
export function readTabRequest(message: unknown): TabRequest | undefined {
  if (!isRecord(message)) return undefined;
  if (message.type === 'library-resync' || message.type === 'get-papers') return { type: message.type };
  if (message.type !== 'library-changed' || !Array.isArray(message.keys) || message.keys.length > MAX_KEYS) {
    return undefined;
  }
  const keys = message.keys.filter((key): key is string => typeof key === 'string' && key !== '');
  return keys.length === message.keys.length ? { type: 'library-changed', keys } : undefined;
}
