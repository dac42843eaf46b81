// The suites `npm run bench` runs, in order: each `(options) => Promise<Figure[]>`. To add one,
// import it here and append it to the list.
import { benchCompletion } from './completion';
import { benchDetect } from './detect';
import { benchDurability } from './durability';
import { benchExtension } from './extension';
import type { Figure } from './figure';
import { benchImport } from './import';
import { benchLibrary } from './library';
import { benchLibrarySearch } from './library-search';
import { benchPanel } from './panel';
import { benchScroll } from './scroll';

export type Suite = (options: { quick: boolean }) => Promise<Figure[]>;

export const suites: readonly Suite[] = [
  benchExtension,
  benchDetect,
  benchLibrarySearch,
  benchImport,
  benchLibrary,
  benchDurability,
  benchPanel,
  benchScroll,
  benchCompletion,
];
