// A menu button (WAI-ARIA menu button pattern): Enter, Space or ↓ opens it on its first item, ↑ on
// its last; arrows, Home and End move; Escape or Tab closes it; choosing an item runs it and gives
// focus back to the button, so the keyboard never loses its place.
import { type ComponentChildren, Fragment } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  label: string;
  onSelect(): void;
  /** Destroys something: shown in the danger colour, after a separator. */
  danger?: boolean;
  disabled?: boolean;
}

interface Props {
  /** What the button shows (text or an icon). */
  children: ComponentChildren;
  /** The button's accessible name when it shows an icon. */
  label?: string;
  /** The items, or a function making them when the menu opens (a list row's menu, rarely opened). */
  items: MenuItem[] | (() => MenuItem[]);
  /** Extra classes for the button (it always has `ps-button`). */
  buttonClass?: string;
  /** Opens upwards, for a menu at the bottom of a view. */
  side?: 'top' | 'bottom';
}

export function Menu({ children, label, items, buttonClass = '', side = 'bottom' }: Props) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  const entries = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:enabled') ?? [])];
  useLayoutEffect(() => {
    // Opened under a button near the start of the view, a list aligned to the button's end would
    // run off the view's edge: it aligns to the button's start instead.
    const shown = list.current;
    if (!open || !shown) return;
    shown.removeAttribute('data-align');
    if (shown.getBoundingClientRect().left < 0) shown.setAttribute('data-align', 'start');
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const all = entries();
    (open === 'first' ? all[0] : all.at(-1))?.focus();
    const outside = (event: PointerEvent) => {
      if (!list.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  function close(): void {
    setOpen(false);
    button.current?.focus();
  }

  function onListKey(event: KeyboardEvent): void {
    const all = entries();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowDown: (at + 1) % all.length,
      ArrowUp: (at - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      all[next]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  return (
    <div class="ps-menu">
      <button
        ref={button}
        type="button"
        class={`ps-button ${buttonClass}`.trim()}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {children}
      </button>
      {open && (
        <div ref={list} id={id} role="menu" class="ps-menu-list" data-side={side} onKeyDown={onListKey}>
          {(typeof items === 'function' ? items() : items).map((item, index) => (
            <Fragment key={item.label}>
              {item.danger && index > 0 && <hr class="ps-menu-separator" />}
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                class="ps-menu-item"
                data-danger={item.danger || undefined}
                disabled={item.disabled}
                onClick={() => {
                  close();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </Fragment>
          ))}
        </div>
      )}
    </div>
  );
}
