// The services completion can ask, by id (lib/completion/types.ts).
import type { Service, ServiceId } from '../types';
import { arxiv } from './arxiv';
import { crossref } from './crossref';
import { datacite } from './datacite';
import { dblp } from './dblp';
import { huggingFace } from './huggingface';
import { openAlex } from './openalex';
import { pubmed } from './pubmed';
import { semanticScholar } from './semantic-scholar';

export const SERVICES: Readonly<Record<ServiceId, Service>> = {
  arxiv,
  crossref,
  datacite,
  pubmed,
  'semantic-scholar': semanticScholar,
  openalex: openAlex,
  huggingface: huggingFace,
  dblp,
};
