// One paper below the list: what it is (every author, where and when it appeared, its identifiers
// as links, where it was published, what completion filled, the abstract folded) and the user's
// tags and note. Each field is written a moment after the user stops typing, and on Done; a change to the paper from elsewhere (a save on a page, the popup)
// is taken in for the fields the user is not editing, and never overwrites the one being edited.
import { useEffect, useRef, useState } from 'preact/hooks';
import { safeHref } from '../../components/links';
import type { PaperPatch } from '../../lib/library/library';
import type { SavedPaper } from '../../lib/paper/model';
import { texToText } from '../../lib/tex-text';
import { completedFrom } from './Row';

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

/** The paper's identifiers as links to where each resolves. */
function idLinks(paper: SavedPaper): { label: string; href: string }[] {
  const ids = paper.ids ?? {};
  const links: { label: string; href: string | undefined }[] = [
    { label: `arXiv:${ids.arxiv}`, href: ids.arxiv && `https://arxiv.org/abs/${ids.arxiv}` },
    { label: `doi:${ids.doi}`, href: ids.doi && `https://doi.org/${ids.doi}` },
    { label: `PMID ${ids.pubmed}`, href: ids.pubmed && `https://pubmed.ncbi.nlm.nih.gov/${ids.pubmed}/` },
    {
      label: 'OpenReview',
      href: ids.openreview && `https://openreview.net/forum?id=${encodeURIComponent(ids.openreview)}`,
    },
    { label: `ACL ${ids.acl}`, href: ids.acl && `https://aclanthology.org/${encodeURIComponent(ids.acl)}/` },
    {
      label: 'Semantic Scholar',
      href: ids.s2 && `https://www.semanticscholar.org/paper/${encodeURIComponent(ids.s2)}`,
    },
  ];
  return links.flatMap(({ label, href }) => {
    const safe = safeHref(href);
    return safe ? [{ label, href: safe }] : [];
  });
}

/** What the paper is, as the sheet shows it above the user's fields. */
function Details({ paper }: { paper: SavedPaper }) {
  const where = [paper.venue ?? paper.container, (paper.issued ?? paper.published)?.slice(0, 4)]
    .filter(Boolean)
    .map((part) => texToText(String(part)))
    .join(' · ');
  const published = paper.publication;
  const publishedIn = published && (published.venue ?? published.container);
  const publishedDoi = published?.doi ? safeHref(`https://doi.org/${published.doi}`) : undefined;
  const completed = completedFrom(paper);
  const authors = paper.authors.join(', ');
  const more = paper.authorCount !== undefined && paper.authorCount > paper.authors.length;
  return (
    <div class="editor-details">
      {(authors || more) && (
        <p class="editor-authors">
          {authors}
          {more ? `${authors ? ' … ' : ''}(${paper.authorCount} authors)` : ''}
        </p>
      )}
      {where && <p>{where}</p>}
      {publishedIn && (
        <p>
          Published in {texToText(publishedIn)}
          {published?.issued ? ` ${published.issued.slice(0, 4)}` : ''}
          {publishedDoi && (
            <>
              {' · '}
              <a href={publishedDoi} target="_blank" rel="noreferrer noopener">
                doi:{published?.doi}
              </a>
            </>
          )}
        </p>
      )}
      {idLinks(paper).length > 0 && (
        <p class="editor-ids">
          {idLinks(paper).map((link) => (
            <a key={link.href} href={link.href} target="_blank" rel="noreferrer noopener">
              {link.label}
            </a>
          ))}
        </p>
      )}
      {completed.size > 0 && (
        <p class="editor-completed">
          Completed from {[...completed].map(([label, fields]) => `${label} (${fields.join(', ')})`).join('; ')}. Undo
          it from the row’s ⋯ menu.
        </p>
      )}
      {paper.abstract && (
        <details class="editor-abstract">
          <summary>Abstract</summary>
          <p>{texToText(paper.abstract)}</p>
        </details>
      )}
    </div>
  );
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
      <Details paper={paper} />
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
