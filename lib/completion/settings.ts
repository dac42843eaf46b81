// What the user chose for completion (issue 13), in extension storage: the services turned on, in
// the order a field goes to the first that fills it, the keys and contact address the services
// offer, and the host permissions this feature asked the browser for (removed again with the last
// service that needs them). Off, the default, is an empty list: nothing is asked of any service.
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { SERVICES } from './services/index';
import { SERVICE_IDS, type ServiceId } from './types';

/** The `storage.local` key of the settings. */
export const COMPLETION_SETTINGS_KEY = 'completion';
/** The `storage.local` key of what the last run did, for the side panel. */
export const COMPLETION_STATUS_KEY = 'completionStatus';

const secret = z.optional(z.string().check(z.maxLength(200)));

const SettingsSchema = z.object({
  services: z.array(z.enum(SERVICE_IDS)).check(z.maxLength(SERVICE_IDS.length)),
  contact: z.optional(z.string().check(z.maxLength(254))),
  semanticScholarKey: secret,
  ncbiKey: secret,
  requested: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
});
export type CompletionSettings = z.infer<typeof SettingsSchema>;

const StatusSchema = z.object({
  at: z.string(),
  filled: z.int(),
  problems: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(10)),
});
/** What the last completion run did: when, how many papers it filled something in, what went wrong. */
export type CompletionStatus = z.infer<typeof StatusSchema>;

export const OFF: CompletionSettings = { services: [], requested: [] };

/** A contact address worth sending: one `@`, no spaces; anything else is not sent. */
export function contactOf(value: string | undefined): string | undefined {
  const address = value?.trim();
  return address && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) ? address : undefined;
}

/** The settings as stored; off when none are, or when what is stored does not read. */
export async function readCompletionSettings(): Promise<CompletionSettings> {
  const stored = await browser.storage.local.get(COMPLETION_SETTINGS_KEY);
  const parsed = SettingsSchema.safeParse(stored[COMPLETION_SETTINGS_KEY]);
  if (!parsed.success) return OFF;
  return { ...parsed.data, services: [...new Set(parsed.data.services)] };
}

export async function writeCompletionSettings(settings: CompletionSettings): Promise<void> {
  await browser.storage.local.set({ [COMPLETION_SETTINGS_KEY]: SettingsSchema.parse(settings) });
}

export async function readCompletionStatus(): Promise<CompletionStatus | undefined> {
  const stored = await browser.storage.local.get(COMPLETION_STATUS_KEY);
  const parsed = StatusSchema.safeParse(stored[COMPLETION_STATUS_KEY]);
  return parsed.success ? parsed.data : undefined;
}

export async function writeCompletionStatus(status: CompletionStatus): Promise<void> {
  await browser.storage.local.set({
    [COMPLETION_STATUS_KEY]: { ...status, problems: status.problems.slice(0, 10).map((p) => p.slice(0, 500)) },
  });
}

/** The host permissions a service needs. */
export function originsOf(id: ServiceId): string[] {
  return [...SERVICES[id].origins];
}

/**
 * Turns a service on or off. On: asks the browser for the service's host unless granted already
 * (`granted`, known before the click, so that the request is made within the user's gesture);
 * refused, nothing changes. Off: a host this feature asked for is given back once no service on
 * needs it. Returns the settings as now stored.
 */
export async function switchService(id: ServiceId, on: boolean, granted: boolean): Promise<CompletionSettings> {
  const origins = originsOf(id);
  if (on && !granted) {
    const given = await browser.permissions.request({ origins });
    if (!given) throw new Error(`The browser did not allow papershelf to reach ${SERVICES[id].label}.`);
  }
  const settings = await readCompletionSettings();
  if (on) {
    const services = settings.services.includes(id) ? settings.services : [...settings.services, id];
    const requested = granted ? settings.requested : [...new Set([...settings.requested, ...origins])];
    const next = { ...settings, services, requested };
    await writeCompletionSettings(next);
    return next;
  }
  const services = settings.services.filter((other) => other !== id);
  const needed = new Set(services.flatMap(originsOf));
  const giveBack = settings.requested.filter((origin) => origins.includes(origin) && !needed.has(origin));
  const next = { ...settings, services, requested: settings.requested.filter((origin) => !giveBack.includes(origin)) };
  await writeCompletionSettings(next);
  if (giveBack.length > 0) await browser.permissions.remove({ origins: giveBack });
  return next;
}

/** Whether the browser lets papershelf reach each service now (granted by this feature, or by "all sites"). */
export async function grantedServices(): Promise<Record<ServiceId, boolean>> {
  const entries = await Promise.all(
    SERVICE_IDS.map(async (id) => [id, await browser.permissions.contains({ origins: originsOf(id) })] as const),
  );
  return Object.fromEntries(entries) as Record<ServiceId, boolean>;
}
