// The side panel's completion settings (issue 13): one switch a service, off by default; turning
// one on asks the browser for that service's host alone. The contact address and keys the services
// offer; how many papers wait, what the last run did, and "Complete every paper now".
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Switch } from '../../components/Switch';
import { SERVICES } from '../../lib/completion/services/index';
import {
  COMPLETION_SETTINGS_KEY,
  COMPLETION_STATUS_KEY,
  type CompletionSettings,
  type CompletionStatus,
  contactOf,
  grantedServices,
  readCompletionSettings,
  readCompletionStatus,
  switchService,
  writeCompletionSettings,
} from '../../lib/completion/settings';
import { SERVICE_IDS, type ServiceId } from '../../lib/completion/types';
import { countQueued, onLibraryChange } from '../../lib/library/library';
import { BackgroundResponseSchema } from '../../lib/messages';

/** What each service is sent, in the words of the README's privacy section. */
const SENT: Record<ServiceId, string> = {
  arxiv: 'arXiv ids',
  crossref: 'DOIs; for a preprint or a paper with no identifier, its title and first author’s family name',
  datacite: 'DOIs',
  pubmed: 'PubMed ids',
  'semantic-scholar': 'arXiv ids, DOIs and PubMed ids; for a paper with no identifier, its title',
  openalex: 'DOIs, PubMed ids and arXiv ids',
  huggingface: 'arXiv ids',
  dblp: 'for a preprint, its title and first author’s family name',
};

function hostOf(id: ServiceId): string {
  return (SERVICES[id].origins[0] ?? '').replace(/^https:\/\//, '').replace(/\/\*$/, '');
}

/** Keys a `complete` message carries at most (lib/messages.ts); a larger selection goes in parts. */
const KEYS_PER_MESSAGE = 10_000;

async function queueOnce(keys?: string[]): Promise<number> {
  const answer = BackgroundResponseSchema.parse(
    await browser.runtime.sendMessage({ type: 'complete', ...(keys ? { keys } : {}) }),
  );
  if (!answer.ok) throw new Error(answer.error);
  return answer.queued ?? 0;
}

/** Asks the background to complete `keys` (every paper without them); its answer in words. */
export async function askCompletion(keys?: string[]): Promise<string> {
  let queued = 0;
  if (!keys) queued = await queueOnce();
  else
    for (let i = 0; i < keys.length; i += KEYS_PER_MESSAGE)
      queued += await queueOnce(keys.slice(i, i + KEYS_PER_MESSAGE));
  return queued === 0
    ? 'Nothing to complete: these papers have every field the services fill, or no identifier to ask by.'
    : `Completing ${queued.toLocaleString('en')} ${queued === 1 ? 'paper' : 'papers'}…`;
}

/** A key a service offers: kept as typed, sent only to its service; empty removes it. */
function KeyField(props: { label: string; value: string | undefined; onChange(key: string | undefined): void }) {
  return (
    <label class="ps-field">
      <span>{props.label}</span>
      <input
        class="ps-input"
        type="password"
        autocomplete="off"
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.currentTarget.value.trim() || undefined)}
      />
    </label>
  );
}

export function CompletionSettingsView({ onMessage }: { onMessage(text: string, error?: boolean): void }) {
  const [settings, setSettings] = useState<CompletionSettings>();
  const [granted, setGranted] = useState<Record<ServiceId, boolean>>();
  const [status, setStatus] = useState<CompletionStatus>();
  const [queued, setQueued] = useState<number>();
  const [contact, setContact] = useState('');

  useEffect(() => {
    const load = async () => {
      const [next, hosts, last, waiting] = await Promise.all([
        readCompletionSettings(),
        grantedServices(),
        readCompletionStatus(),
        countQueued(),
      ]);
      setSettings(next);
      setContact((shown) => shown || (next.contact ?? ''));
      setGranted(hosts);
      setStatus(last);
      setQueued(waiting);
    };
    const reload = () =>
      void load().catch((error: unknown) => onMessage(`Could not read the settings: ${String(error)}`, true));
    reload();
    const changed = (changes: Record<string, unknown>) => {
      if (COMPLETION_SETTINGS_KEY in changes || COMPLETION_STATUS_KEY in changes) reload();
    };
    browser.storage.local.onChanged.addListener(changed);
    browser.permissions.onAdded.addListener(reload);
    browser.permissions.onRemoved.addListener(reload);
    const stop = onLibraryChange(() => void countQueued().then(setQueued, () => {}));
    return () => {
      browser.storage.local.onChanged.removeListener(changed);
      browser.permissions.onAdded.removeListener(reload);
      browser.permissions.onRemoved.removeListener(reload);
      stop();
    };
  }, []);

  const on = settings?.services ?? [];

  async function flip(id: ServiceId, next: boolean) {
    try {
      setSettings(await switchService(id, next, granted?.[id] === true));
      setGranted(await grantedServices());
      if (next && on.length === 0) onMessage(`${SERVICES[id].label} is on: papers you save from now on are completed.`);
    } catch (error) {
      onMessage(error instanceof Error ? error.message : String(error), true);
    }
  }

  async function keep(change: Partial<CompletionSettings>) {
    const current = await readCompletionSettings();
    const next = { ...current, ...change };
    for (const name of ['contact', 'semanticScholarKey', 'ncbiKey'] as const) if (!next[name]) delete next[name];
    await writeCompletionSettings(next);
  }

  const contactProblem = contact.trim() !== '' && contactOf(contact) === undefined;

  return (
    <div class="completion">
      <p class="ps-hint">
        Off unless you turn a service on. Then papershelf asks it about the papers you save that lack authors, an
        abstract, a date or where they were published, and fills only what is missing: never what you wrote or what the
        page showed. Each service is sent the identifiers named below, and nothing else of your list.
      </p>
      <ul class="service-list">
        {SERVICE_IDS.map((id) => (
          <li key={id}>
            <Switch
              checked={settings ? on.includes(id) : undefined}
              action={`complete-${id}`}
              hint={`Sends ${SENT[id]} to ${hostOf(id)}`}
              onChange={(next) => void flip(id, next)}
            >
              {SERVICES[id].label}
            </Switch>
          </li>
        ))}
      </ul>
      <label class="ps-field">
        <span>Contact address for Crossref and OpenAlex (optional)</span>
        <input
          class="ps-input"
          type="email"
          autocomplete="email"
          value={contact}
          aria-invalid={contactProblem || undefined}
          onInput={(event) => setContact(event.currentTarget.value)}
          onChange={(event) => void keep({ contact: contactOf(event.currentTarget.value) })}
        />
        <span class="ps-hint">
          {contactProblem
            ? 'This is not an e-mail address; it is not sent.'
            : 'Sent with each request to those two, as they ask: they answer faster and can write if something goes wrong.'}
        </span>
      </label>
      <KeyField
        label="Semantic Scholar API key (optional)"
        value={settings?.semanticScholarKey}
        onChange={(key) => void keep({ semanticScholarKey: key })}
      />
      <KeyField
        label="NCBI API key for PubMed (optional)"
        value={settings?.ncbiKey}
        onChange={(key) => void keep({ ncbiKey: key })}
      />
      <p class="ps-hint" data-completion-status="">
        {queued
          ? `${queued.toLocaleString('en')} ${queued === 1 ? 'paper waits' : 'papers wait'} for completion. `
          : ''}
        {status
          ? `Last run ${new Date(status.at).toLocaleString()}: ${status.filled.toLocaleString('en')} ${status.filled === 1 ? 'paper' : 'papers'} completed.`
          : ''}
      </p>
      {status && status.problems.length > 0 && (
        <ul class="ps-hint completion-problems">
          {status.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        class="ps-button"
        data-action="complete-all"
        disabled={on.length === 0}
        onClick={() =>
          void askCompletion().then(
            (text) => onMessage(text),
            (error: unknown) => onMessage(error instanceof Error ? error.message : String(error), true),
          )
        }
      >
        Complete every paper now
      </button>
    </div>
  );
}
