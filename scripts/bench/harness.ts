// What the bench suites share: a plain headless Chromium, scripts bundled to run inside a page,
// pages served at their real addresses, and figures set beside a baseline from the same run.
import { build } from 'esbuild';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from '../../tests/e2e/paths';
import type { Figure } from './figure';

export const BENCH_URL = 'https://bench.papershelf.invalid/';

/** `entry` (relative to the repository) bundled into one script for a page. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [`${ROOT}/${entry}`],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    define: { 'import.meta.env.MODE': '"production"' },
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Headless Chromium without the extension; every address not served answers 404. */
export async function plainChromium(): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // `gc()` in the page, for figures timed after a collection (scripts/bench/in-page.ts).
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
  });
  const context = await browser.newContext();
  await context.route(/^https?:\/\//, (route) => route.fulfill({ status: 404, body: '' }));
  await context.route(BENCH_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  return { browser, context };
}

/** Answers `url` with `html` in `context` (replacing what it answered before). */
export async function serveHtml(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.unroute(url);
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** A figure in `unit` beside its baseline from the same run, with their ratio. */
export function against(metric: string, value: number, baseline: number, unit = 'ms', target?: number): Figure {
  return { metric, value, unit, baseline, ratio: value / baseline, ...(target === undefined ? {} : { target }) };
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (nearest rank) of `values`. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}
