// One paper in the reading list, two lines high: the title (the strongest line), then authors ·
// venue · year. Status and star are marks; the actions show on hover and focus, and every one of
// them is also in the keyboard-reachable overflow menu.
import { Component } from 'preact';
import { Menu, type MenuItem } from '../../components/Menu';
import { authorLine } from '../../components/PaperSummary';
import { SERVICES } from '../../lib/completion/services/index';
import type { ServiceId } from '../../lib/completion/types';
import { STATUS_NAMES } from '../../lib/display';
import type { SavedPaper, Status } from '../../lib/paper/model';
import { texToText } from '../../lib/tex-text';
import { highlight } from './highlight';

export const STATUSES: Status[] = ['unread', 'reading', 'read'];
const STATUS_MARKS: Record<Status, string> = { unread: '●', reading: '◐', read: '✓' };

/** What a row can do to its paper. */
export interface RowActions {
  open(paper: SavedPaper): void;
  star(paper: SavedPaper): void;
  setStatus(paper: SavedPaper, status: Status): void;
  edit(paper: SavedPaper, field?: 'tags' | 'note'): void;
  copy(paper: SavedPaper): void;
  remove(paper: SavedPaper): void;
  showTag(tag: string): void;
  /** Ask the services the user turned on to fill what the paper lacks. */
  complete(paper: SavedPaper): void;
  /** Take out what completion filled (one service's fields, with `service`). */
  undoCompletion(paper: SavedPaper, service?: string): void;
}

interface Props {
  paper: SavedPaper | undefined;
  paperKey: string;
  index: number;
  top: number;
  height: number;
  current: boolean;
  selected: boolean;
  linked: boolean;
  pattern: RegExp | undefined;
  actions: RowActions;
  onPick(index: number, event: PointerEvent): void;
  onToggle(index: number, event: MouseEvent): void;
}

/** "Authors · venue · year" for a row's second line; a preprint found published names its publication. */
export function secondLine(paper: SavedPaper): string {
  // Added by its identifier alone: say so, and how to fill it in.
  if (paper.incomplete) return 'Identifier only · open its page and save it there, or turn on completion in Settings';
  const published = paper.publication;
  const where = published?.venue ?? published?.container;
  const venue = where
    ? `published in ${texToText(where)}${published?.issued ? ` ${published.issued.slice(0, 4)}` : ''}`
    : paper.venue
      ? texToText(paper.venue)
      : undefined;
  return [authorLine(paper), venue, paper.published?.slice(0, 4)].filter(Boolean).join(' · ');
}

/** The services completion took fields from, by name, and what it took from each. */
export function completedFrom(paper: SavedPaper): Map<string, string[]> {
  const from = new Map<string, string[]>();
  for (const [field, source] of Object.entries(paper.completion?.fields ?? {})) {
    const label = SERVICES[source.service as ServiceId]?.label ?? source.service;
    from.set(label, [...(from.get(label) ?? []), field.replace(/^ids\./, '')]);
  }
  return from;
}

/** Characters of context a snippet keeps before a match; the line's width cuts the rest. */
const SNIPPET_BEFORE = 40;

/**
 * Where a search matched a paper outside its two lines — its abstract, or the user's note — as
 * "Abstract: …words around the match…", so that a row found by its abstract says why it is there.
 * Undefined when the title, the second line or a tag shows a match already, or with no search.
 */
export function snippet(paper: SavedPaper, pattern: RegExp | undefined, shown: string): string | undefined {
  if (!pattern) return undefined;
  const find = (text: string) => {
    pattern.lastIndex = 0;
    const found = pattern.exec(text);
    pattern.lastIndex = 0;
    return found;
  };
  if (find(shown)) return undefined;
  for (const [label, text] of [
    ['Abstract', paper.abstract],
    ['Note', paper.note],
  ] as const) {
    const plain = text ? texToText(text) : '';
    const found = find(plain);
    if (!found) continue;
    // Start at a word boundary some way before the match.
    const from = found.index <= SNIPPET_BEFORE ? 0 : plain.indexOf(' ', found.index - SNIPPET_BEFORE) + 1;
    return `${label}: ${from > 0 ? '…' : ''}${plain.slice(from, from + 300)}`;
  }
  return undefined;
}

function RowView(props: Props, near: Near) {
  const { paper, paperKey, index, top, height, current, selected, linked, pattern, actions } = props;
  const style = { transform: `translateY(${top}px)`, height: `${height}px` };
  if (!paper) {
    return (
      <div class="row row-loading" data-paper-key={paperKey} data-index={index} style={style} aria-hidden="true" />
    );
  }
  const title = texToText(paper.title);
  const meta = secondLine(paper);
  const found = snippet(paper, pattern, [title, meta, ...(paper.tags ?? [])].join('\n'));
  const completed = completedFrom(paper);
  const completedText = [...completed].map(([label, fields]) => `${label}: ${fields.join(', ')}`).join('; ');
  // The menu's items are made when it opens: a fling draws a dozen new rows a frame, and each
  // row's menu (closures and labels) was made with it and never opened.
  const items = (): MenuItem[] => {
    const services = [...new Set(Object.values(paper.completion?.fields ?? {}).map((source) => source.service))];
    return [
      { label: 'Open the paper’s page', onSelect: () => actions.open(paper), disabled: !paper.url },
      { label: paper.starred ? 'Unstar' : 'Star', onSelect: () => actions.star(paper) },
      ...STATUSES.filter((status) => status !== paper.status).map((status) => ({
        label: `Mark as ${STATUS_NAMES[status].toLowerCase()}`,
        onSelect: () => actions.setStatus(paper, status),
      })),
      { label: 'Tags and note…', onSelect: () => actions.edit(paper) },
      { label: 'Copy BibTeX', onSelect: () => actions.copy(paper) },
      { label: 'Complete from online services', onSelect: () => actions.complete(paper) },
      ...(services.length > 0
        ? [
            { label: 'Undo completion', onSelect: () => actions.undoCompletion(paper) },
            ...(services.length > 1
              ? services.map((service) => ({
                  label: `Undo what ${SERVICES[service as ServiceId]?.label ?? service} filled`,
                  onSelect: () => actions.undoCompletion(paper, service),
                }))
              : []),
          ]
        : []),
      { label: 'Remove', danger: true, onSelect: () => actions.remove(paper) },
    ];
  };
  return (
    <li
      class="row"
      data-paper-key={paper.key}
      data-index={index}
      data-current={current || undefined}
      data-selected={selected || undefined}
      data-linked={linked || undefined}
      data-status={paper.status}
      tabIndex={current ? 0 : -1}
      style={style}
      onPointerDown={(event) => {
        // A press on the row's own controls is theirs; anywhere else it picks the row.
        if (!(event.target instanceof Element && event.target.closest('input, button, a'))) props.onPick(index, event);
      }}
      onPointerEnter={near.enter}
      onPointerLeave={near.leave}
      onFocusIn={near.focusIn}
      onFocusOut={near.focusOut}
      onMouseDown={(event) => {
        // Shift-click extends the selection of rows, not a text selection across them.
        if (event.shiftKey) event.preventDefault();
      }}
    >
      <input
        type="checkbox"
        class="row-select"
        tabIndex={-1}
        checked={selected}
        aria-label={`Select “${title}”`}
        onClick={(event) => {
          event.stopPropagation();
          props.onToggle(index, event);
        }}
      />
      <div class="row-text">
        <div class="row-title">
          <span
            class="row-status"
            title={STATUS_NAMES[paper.status]}
            role="img"
            aria-label={STATUS_NAMES[paper.status]}
          >
            {STATUS_MARKS[paper.status]}
          </span>
          {paper.starred && (
            <span class="row-star" role="img" aria-label="Starred" title="Starred">
              ★
            </span>
          )}
          <span class="row-title-text">{highlight(title, pattern)}</span>
        </div>
        <div class="row-meta">
          <span class="row-meta-text" data-snippet={found ? '' : undefined}>
            {highlight(found ?? meta, pattern)}
          </span>
          {paper.tags?.map((tag) => (
            <button
              key={tag}
              type="button"
              class="row-tag"
              tabIndex={-1}
              onClick={(event) => {
                event.stopPropagation();
                actions.showTag(tag);
              }}
            >
              {tag}
            </button>
          ))}
          {paper.note && (
            <span class="row-note" title={paper.note}>
              ✎
            </span>
          )}
          {completed.size > 0 && (
            <span
              class="row-completed"
              data-completed={[...completed.keys()].join(', ')}
              role="img"
              aria-label={`Completed from ${[...completed.keys()].join(', ')}`}
              title={`Completed from ${completedText}. Undo it from the ⋯ menu.`}
            >
              ⊕
            </span>
          )}
        </div>
      </div>
      {(current || near.pointer || near.focus) && (
        <div class="row-actions">
          <button
            type="button"
            class="ps-button ps-button-quiet ps-button-icon"
            aria-pressed={paper.starred === true}
            aria-label={paper.starred ? `Unstar “${title}”` : `Star “${title}”`}
            title={paper.starred ? 'Unstar (s)' : 'Star (s)'}
            onClick={() => actions.star(paper)}
          >
            {paper.starred ? '★' : '☆'}
          </button>
          <Menu label={`Actions for “${title}”`} items={items} buttonClass="ps-button-quiet ps-button-icon">
            ⋯
          </Menu>
        </div>
      )}
    </li>
  );
}

/** Whether the pointer is over a row or the focus inside it, and the handlers that tell. */
interface Near {
  pointer: boolean;
  focus: boolean;
  enter(): void;
  leave(): void;
  focusIn(): void;
  focusOut(event: FocusEvent): void;
}

/**
 * A row, drawn again only when one of its props changed: the panel re-renders its rows when a block
 * of records lands or the window moves, and most rows on screen are as they were. The callbacks
 * and actions given must be stable (the panel's call its newest). Its actions (the star button and
 * the ⋯ menu) exist only while they can show: on the current row, under the pointer, or with the
 * focus inside (the stylesheet shows them just then); a fling draws a dozen rows a frame and
 * hovers none.
 */
export class Row extends Component<Props, { pointer: boolean; focus: boolean }> {
  override state = { pointer: false, focus: false };
  private readonly near: Omit<Near, 'pointer' | 'focus'> = {
    enter: () => this.setState({ pointer: true }),
    leave: () => this.setState({ pointer: false }),
    focusIn: () => this.setState({ focus: true }),
    focusOut: (event) => {
      const row = event.currentTarget;
      if (!(row instanceof Node && event.relatedTarget instanceof Node && row.contains(event.relatedTarget))) {
        this.setState({ focus: false });
      }
    },
  };
  override shouldComponentUpdate(next: Props, state: { pointer: boolean; focus: boolean }): boolean {
    const now = this.props;
    return (
      state.pointer !== this.state.pointer ||
      state.focus !== this.state.focus ||
      (Object.keys(next) as (keyof Props)[]).some((name) => next[name] !== now[name])
    );
  }
  override render(props: Props, state: { pointer: boolean; focus: boolean }) {
    return RowView(props, { ...this.near, ...state });
  }
}
