// The recorded responses of the scholarly services (tests/fixtures/services/<service>/<case>.json,
// origins in tests/fixtures/SOURCES.md) stay what completion's tests can serve: each names where
// it was recorded, and each interaction has a request address on the service's own host, a status,
// and a body that parses as what its content type says.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = join(import.meta.dirname, 'fixtures/services');

/** The hosts each service answers on. */
const HOSTS: Record<string, string[]> = {
  arxiv: ['export.arxiv.org'],
  crossref: ['api.crossref.org'],
  datacite: ['api.datacite.org'],
  dblp: ['dblp.org'],
  huggingface: ['huggingface.co'],
  openalex: ['api.openalex.org'],
  pubmed: ['eutils.ncbi.nlm.nih.gov'],
  'semantic-scholar': ['api.semanticscholar.org'],
};

const RecordingSchema = z.object({
  origin: z.object({
    repository: z.string().min(1),
    path: z.string().min(1),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
  }),
  interactions: z
    .array(
      z.object({
        request: z.object({ method: z.enum(['GET', 'POST']), url: z.url(), body: z.string().optional() }),
        response: z.object({
          status: z.int().min(100).max(599),
          headers: z.record(z.string(), z.string()),
          body: z.string(),
        }),
      }),
    )
    .min(1),
});

const cases = readdirSync(root).flatMap((service) =>
  readdirSync(join(root, service)).map((file) => ({ service, file })),
);

describe('recorded service responses', () => {
  it('cover every service folder with known hosts', () => {
    expect(readdirSync(root).sort()).toEqual(Object.keys(HOSTS).sort());
  });

  for (const { service, file } of cases) {
    it(`${service}/${file}`, () => {
      const recording = RecordingSchema.parse(JSON.parse(readFileSync(join(root, service, file), 'utf8')));
      for (const { request, response } of recording.interactions) {
        expect(HOSTS[service]).toContain(new URL(request.url).hostname);
        const type = response.headers['content-type'] ?? '';
        if (type.includes('json') && response.status < 400) expect(() => JSON.parse(response.body)).not.toThrow();
        if (type.includes('xml')) expect(response.body.trimStart()).toMatch(/^<\?xml|^<feed/);
      }
    });
  }
});
