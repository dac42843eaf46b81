// The keyboard shortcuts of the side panel (`?`), as one table the key handler also reads.
import { useEffect, useRef } from 'preact/hooks';

/** Every shortcut: the keys and what they do. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['↓ / j, ↑ / k', 'Next, previous paper'],
  ['Home, End', 'First, last paper'],
  ['Enter / o', 'Open the paper’s page'],
  ['/', 'Search'],
  ['s', 'Star or unstar'],
  ['1, 2, 3', 'Mark unread, reading, read'],
  ['t', 'Edit tags'],
  ['n', 'Edit the note'],
  ['c', 'Copy BibTeX'],
  ['x / Space', 'Select or unselect'],
  ['Shift + ↓ / ↑', 'Extend the selection'],
  ['Ctrl / ⌘ + A', 'Select every paper shown'],
  ['Delete', 'Remove (the selection, else this paper)'],
  ['Escape', 'Clear the selection, leave search, close'],
  ['?', 'This help'],
];

export function Help({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="help" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys} class="help-row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" class="ps-button ps-button-primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
