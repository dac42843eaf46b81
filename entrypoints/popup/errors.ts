// What went wrong, in words a reader of papers can act on: the browser's own messages ("Could not
// establish connection. Receiving end does not exist.", "QuotaExceededError") say nothing to them.

const PLAIN: [RegExp, string][] = [
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

/** A short, plain sentence for an error, keeping the browser's detail only when nothing fits. */
export function plainError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  for (const [pattern, words] of PLAIN) if (pattern.test(text)) return words;
  return `Something went wrong, and nothing was changed. (${text})`;
}
