// An on/off setting: a checkbox with role="switch", its label and an optional hint beneath.
import type { ComponentChildren } from 'preact';

interface Props {
  checked: boolean | undefined;
  onChange(checked: boolean): void;
  children: ComponentChildren;
  hint?: string;
  disabled?: boolean;
  /** A test or script handle. */
  action?: string;
}

export function Switch({ checked, onChange, children, hint, disabled, action }: Props) {
  return (
    <label class="ps-switch">
      <span>
        {children}
        {hint && (
          <span class="ps-hint" style={{ display: 'block' }}>
            {hint}
          </span>
        )}
      </span>
      <input
        type="checkbox"
        role="switch"
        aria-checked={checked === true}
        data-action={action}
        checked={checked === true}
        disabled={disabled || checked === undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </label>
  );
}
