// The popup's one mapping from failures to plain words, on the texts Chromium and Firefox really
// produce (copied from their runtime messaging and IndexedDB errors).
import { describe, expect, it } from 'vitest';
import { plainError } from './plain-error';

const BROWSER_TEXTS = [
  // Chromium: runtime.sendMessage while the service worker stops with the answer pending.
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  'The message port closed before a response was received.',
  // Chromium and Firefox: no listener at the other end.
  'Could not establish connection. Receiving end does not exist.',
  // Chromium: the extension was reloaded or updated under an open page.
  'Extension context invalidated.',
  // Firefox: the background went away with the answer pending.
  'Message manager disconnected',
  'Promised response from onMessage listener went out of scope',
  // Chromium's quota refusal from IndexedDB.
  'QuotaExceededError: The current transaction exceeded its quota limitations.',
  'Cannot access contents of url "chrome://extensions/". Extension manifest must request permission to access this host.',
];

describe('plainError', () => {
  it.each(BROWSER_TEXTS)('never shows the browser’s text: %s', (text) => {
    for (const error of [new Error(text), text]) {
      const words = plainError(error);
      expect(words).not.toContain(text);
      expect(words).not.toMatch(/message channel|receiving end|context invalidated|message port|listener|manifest/i);
      expect(words.length).toBeGreaterThan(20);
    }
  });

  it('says a worker that stopped mid-answer restarted, and what to do', () => {
    expect(plainError(new Error(BROWSER_TEXTS[0]))).toBe(
      'papershelf restarted before it answered. Check whether the paper shows as saved, then try again.',
    );
    expect(plainError(new Error('Extension context invalidated.'))).toBe(
      'papershelf was updated. Reload the page and try again.',
    );
    expect(plainError('QuotaExceededError')).toMatch(/no room left/);
  });

  it("keeps the background's own readable sentences as they are", () => {
    const words = 'It is too late to put that paper back: save it again.';
    expect(plainError(new Error(words))).toBe(words);
  });

  it('gives a plain sentence for an empty or internal failure', () => {
    expect(plainError(new Error(''))).toBe('Something went wrong, and nothing was changed. Try again.');
    expect(plainError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      'Something went wrong, and nothing was changed. Try again.',
    );
  });
});
