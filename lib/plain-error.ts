// What went wrong, in words a reader of papers can act on: the browser's own messages ("Could not
// establish connection. Receiving end does not exist.", "QuotaExceededError") say nothing to them.

const PLAIN: [RegExp, string][] = [
  [
    /message channel (is )?closed|message port closed|before a response was received|message manager disconnected|went out of scope/i,
    'papershelf restarted before it answered. Check whether the paper shows as saved, then try again.',
  ],
  [
    /receiving end does not exist|could not establish connection/i,
    'This page changed since papershelf read it. Reload the page and try again.',
  ],
  [/quota|no space|disk.?full/i, 'Your browser has no room left to save papers. Free some disk space, then try again.'],
  [
    /cannot access|cannot be scripted|chrome:\/\/|extensions gallery/i,
    'Your browser does not let extensions read this page.',
  ],
  [/permission/i, 'papershelf was not given access. Nothing was changed.'],
  [/side ?panel|sidebar/i, 'The reading list could not open here. Try the toolbar button again.'],
  [/context invalidated|extension.*(updated|reloaded)/i, 'papershelf was updated. Reload the page and try again.'],
];

// The browser's own failures that no pattern above names: never shown as they are.
const BROWSER_TEXT = /extension|runtime\.|chrome-extension:|moz-extension:|DOMException|TypeError|undefined|null/i;

/** A short, plain sentence for an error: ours (the background's words) as they are, the browser's mapped. */
export function plainError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  for (const [pattern, words] of PLAIN) if (pattern.test(text)) return words;
  if (BROWSER_TEXT.test(text) || text.trim() === '') return 'Something went wrong, and nothing was changed. Try again.';
  return text;
}
