// The tags and note of one paper, below the list. Each field is written a moment after the user
// stops typing, and on Done; a change to the paper from elsewhere (a save on a page, the popup)
// is taken in for the fields the user is not editing, and never overwrites the one being edited.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperPatch } from '../../lib/library/library';
import type { SavedPaper } from '../../lib/paper/model';
import { texToText } from '../../lib/tex-text';

const SAVE_AFTER_MS = 600;
type Field = 'tags' | 'note';

/** "reinforcement learning, to read, RL" → ["reinforcement learning", "to read", "RL"], once each. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.replace(/\s+/g, ' ').trim()))].filter(Boolean);
}

const fieldText = (paper: SavedPaper, field: Field) =>
  field === 'tags' ? (paper.tags?.join(', ') ?? '') : (paper.note ?? '');

interface Props {
  paper: SavedPaper;
  focus?: Field;
  save(patch: PaperPatch): Promise<boolean>;
  onClose(): void;
}

export function Editor({ paper, focus = 'tags', save, onClose }: Props) {
  const [drafts, setDrafts] = useState(() => ({ tags: fieldText(paper, 'tags'), note: fieldText(paper, 'note') }));
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  // Fields typed in and not yet written: a change from elsewhere leaves them alone.
  const dirty = useRef(new Set<Field>());
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;
  const tagsInput = useRef<HTMLInputElement>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);

  useEffect(() => (focus === 'note' ? noteInput : tagsInput).current?.focus(), [paper.key, focus]);

  // The incoming record: take every field the user is not editing.
  useEffect(() => {
    setDrafts((current) => ({
      tags: dirty.current.has('tags') ? current.tags : fieldText(paper, 'tags'),
      note: dirty.current.has('note') ? current.note : fieldText(paper, 'note'),
    }));
  }, [paper]);

  async function flush(): Promise<void> {
    clearTimeout(timer.current);
    if (dirty.current.size === 0) return;
    const fields = [...dirty.current];
    const written = { ...draftsRef.current };
    const patch: PaperPatch = {};
    if (fields.includes('tags')) patch.tags = parseTags(written.tags);
    if (fields.includes('note')) patch.note = written.note;
    setState('saving');
    const ok = await save(patch);
    // What was typed while the write was under way stays dirty.
    for (const field of fields) if (draftsRef.current[field] === written[field]) dirty.current.delete(field);
    setState(ok ? 'saved' : 'failed');
  }

  useEffect(() => () => void flush(), [paper.key]);

  function edit(field: Field, value: string): void {
    dirty.current.add(field);
    setDrafts((current) => ({ ...current, [field]: value }));
    setState('idle');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  }

  async function done(): Promise<void> {
    await flush();
    onClose();
  }

  return (
    <section
      class="editor"
      aria-label={`Tags and note of “${texToText(paper.title)}”`}
      data-paper-key={paper.key}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          void done();
        }
      }}
    >
      <div class="editor-head">
        <h2 class="editor-title">{texToText(paper.title)}</h2>
        <span class="editor-state" role="status" data-state={state}>
          {state === 'saving' ? 'Saving…' : state === 'saved' ? '✓ Saved' : state === 'failed' ? 'Not saved' : ''}
        </span>
        <button type="button" class="ps-button ps-button-primary" onClick={() => void done()}>
          Done
        </button>
      </div>
      <label class="editor-field">
        <span>Tags, separated by commas</span>
        <input
          ref={tagsInput}
          class="ps-input"
          name="tags"
          value={drafts.tags}
          onInput={(event) => edit('tags', event.currentTarget.value)}
          onBlur={() => void flush()}
        />
      </label>
      <label class="editor-field">
        <span>Note</span>
        <textarea
          ref={noteInput}
          class="ps-input editor-note"
          name="note"
          rows={4}
          value={drafts.note}
          onInput={(event) => edit('note', event.currentTarget.value)}
          onBlur={() => void flush()}
        />
      </label>
    </section>
  );
}
