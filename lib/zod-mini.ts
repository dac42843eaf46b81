// zod/mini as the content scripts and extension pages use it: without its compiled fast path,
// which their CSP forbids (no eval): trying it would log a CSP violation on every page. The
// config is global; every module that parses in a content script imports z from here.
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };
