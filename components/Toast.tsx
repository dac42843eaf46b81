// One short message at the bottom of a view, with at most one action (Undo, Retry). It is
// announced to screen readers, stays while the pointer or focus is on it, and goes after a while.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run(): void };
}

const SHOWN_MS = 6000;

/** Shows `message` until `onDismiss` is called (after a while, or on its action). */
export function Toast({ message, onDismiss }: { message: ToastMessage; onDismiss(): void }) {
  const [held, setHeld] = useState(false);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss.current(), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message, held]);
  return (
    <div
      class="ps-toast"
      role={message.tone === 'error' ? 'alert' : 'status'}
      data-tone={message.tone ?? 'info'}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={() => setHeld(false)}
    >
      <span>{message.text}</span>
      {message.action && (
        <button
          type="button"
          class="ps-button"
          onClick={() => {
            message.action?.run();
            onDismiss();
          }}
        >
          {message.action.label}
        </button>
      )}
    </div>
  );
}
