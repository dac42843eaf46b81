// The side panel's search worker (a module worker started by openLibraryView in lib/search/view.ts).
import { serveView } from './serve';

serveView(self as unknown as Parameters<typeof serveView>[0]);
