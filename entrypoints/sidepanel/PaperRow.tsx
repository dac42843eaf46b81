// One saved paper in the reading list: its summary, status, star, delete, and (opened on demand)
// its tags and note, written back as the user leaves each field. The fields are uncontrolled, so
// a change arriving from elsewhere while the user types does not wipe what they typed.
import { useState } from 'preact/hooks';
import { PaperSummary } from '../../components/PaperSummary';
import type { PaperPatch } from '../../lib/library/library';
import type { SavedPaper, Status } from '../../lib/paper/model';

export const STATUSES: Status[] = ['unread', 'reading', 'read'];

/** "reinforcement learning, to read, RL" → ["reinforcement learning", "to read", "RL"], once each. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.replace(/\s+/g, ' ').trim()))].filter(Boolean);
}

interface Props {
  paper: SavedPaper;
  onUpdate(patch: PaperPatch): void;
  onDelete(): void;
  onTag(tag: string): void;
  onCopy(): void;
  selected: boolean;
  onSelect(selected: boolean): void;
}

export function PaperRow({ paper, onUpdate, onDelete, onTag, onCopy, selected, onSelect }: Props) {
  const [open, setOpen] = useState(false);
  const detailsId = `details-${paper.key}`;
  return (
    <li data-paper-key={paper.key} class={paper.starred ? 'starred' : undefined}>
      <input
        type="checkbox"
        class="select"
        checked={selected}
        aria-label={`Select ${paper.title} for export`}
        onChange={(event) => onSelect(event.currentTarget.checked)}
      />
      <div class="row-main">
        <PaperSummary paper={paper} />
        {paper.tags && (
          <div class="tags">
            {paper.tags.map((tag) => (
              <button
                key={tag}
                type="button"
                class="tag"
                onClick={() => onTag(tag)}
                aria-label={`Show papers tagged ${tag}`}
              >
                {tag}
              </button>
            ))}
          </div>
        )}
        {paper.note && !open && <p class="note-preview">{paper.note}</p>}
        {open && (
          <div class="details" id={detailsId}>
            <label>
              Tags (comma-separated)
              <input
                type="text"
                defaultValue={paper.tags?.join(', ') ?? ''}
                onChange={(event) => onUpdate({ tags: parseTags(event.currentTarget.value) })}
              />
            </label>
            <label>
              Note
              <textarea
                rows={3}
                value={paper.note ?? ''}
                onChange={(event) => onUpdate({ note: event.currentTarget.value })}
              />
            </label>
          </div>
        )}
      </div>
      <div class="actions">
        <select
          aria-label={`Status of ${paper.title}`}
          value={paper.status}
          onChange={(event) => onUpdate({ status: event.currentTarget.value as Status })}
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-pressed={paper.starred === true}
          aria-label={paper.starred ? `Unstar ${paper.title}` : `Star ${paper.title}`}
          onClick={() => onUpdate({ starred: !paper.starred })}
        >
          {paper.starred ? '★' : '☆'}
        </button>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`Tags and note of ${paper.title}`}
          onClick={() => setOpen(!open)}
        >
          Edit
        </button>
        <button type="button" aria-label={`Copy the BibTeX citation of ${paper.title}`} onClick={onCopy}>
          Cite
        </button>
        <button type="button" aria-label={`Delete ${paper.title}`} onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}
