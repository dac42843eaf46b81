// The reading list's scrolling part: the rows near the screen of a list of any length. It holds
// the scroll state itself, so a frame of a fling re-renders this list (and only its rows that
// came on screen), not the whole panel; a row already drawn is drawn again only when its paper,
// place or marks change (Row.tsx).
import { Component, type RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { heldRows, type RowRecords } from '../../lib/search/row-records';
import { Row, type RowActions } from './Row';
import { useRowWindow } from './virtual';

/** A row's height in px: two lines and their padding (≥ 10 rows in an 800 px panel). */
export const ROW_HEIGHT = 52;
/** Rows drawn beyond each end of the screen. */
const OVERSCAN = 8;

interface Props {
  scroller: RefObject<HTMLDivElement>;
  keys: readonly string[];
  /** The records held for the rows; changed in place, `version` counts the changes. */
  records: RowRecords;
  version: number;
  current: number;
  selected: ReadonlySet<string>;
  linked: string | undefined;
  pattern: RegExp | undefined;
  /** These three are stable: each calls the panel's newest. */
  actions: RowActions;
  onPick(index: number, event: PointerEvent): void;
  onToggle(index: number, event: MouseEvent): void;
  /** Told the rows `[from, to)` whose records to hold (whole blocks), whenever they change. */
  onHeld(from: number, to: number): void;
}

function PaperRows(props: Props) {
  const { scroller, keys, records, current, selected, linked, pattern, actions, onPick, onToggle, onHeld } = props;
  const { first, last } = useRowWindow(scroller, keys.length, ROW_HEIGHT, OVERSCAN);
  const { from, to } = heldRows(first, last, keys.length);
  useEffect(() => onHeld(from, to), [from, to]);
  const rows = [];
  for (let index = first; index <= last; index++) {
    const key = keys[index] ?? '';
    rows.push(
      <Row
        key={key}
        paperKey={key}
        paper={records.get(key)}
        index={index}
        top={index * ROW_HEIGHT}
        height={ROW_HEIGHT}
        current={index === current}
        selected={selected.has(key)}
        linked={key === linked}
        pattern={pattern}
        actions={actions}
        onPick={onPick}
        onToggle={onToggle}
      />,
    );
  }
  return (
    <div ref={scroller} class="list-scroller">
      <ul aria-label="Papers" class="list" style={{ height: `${keys.length * ROW_HEIGHT}px` }}>
        {rows}
      </ul>
    </div>
  );
}

/** The list, drawn again only when what it shows changed (the panel re-renders for much else). */
export class PaperList extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const now = this.props;
    return (Object.keys(next) as (keyof Props)[]).some((name) => next[name] !== now[name]);
  }
  override render(props: Props) {
    return <PaperRows {...props} />;
  }
}
