// The side panel's export/import worker: one job per worker (the panel starts one per export or
// import, and cancels by ending it; an import ended before its one write commits leaves the
// library as it was).
import { createLibrary } from '../library/library';
import { runTransfer } from './work';

const library = createLibrary();

self.onmessage = (event: MessageEvent<unknown>) => {
  void runTransfer(event.data, library, (reply) => self.postMessage(reply));
};
