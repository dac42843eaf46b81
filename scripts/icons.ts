// Draws the extension's icons (public/icon/<size>.png, and the "turned off on this site" toolbar
// state public/icon/off-<size>.png) from one SVG, rendered by headless Chromium at each size so
// small sizes are drawn, not scaled down. Run `npm run icons` after changing the drawing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128];
const OUT = join(import.meta.dirname, '../public/icon');

// Three books on a shelf, the third leaning: white on the accent blue (grey when turned off).
function drawing(background: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="${background}"/>
  <g fill="#fff">
    <rect x="27" y="34" width="19" height="61" rx="4"/>
    <rect x="51" y="24" width="19" height="71" rx="4"/>
    <rect x="77" y="37" width="19" height="60" rx="4" transform="rotate(16 96 97)"/>
    <rect x="20" y="98" width="88" height="10" rx="5"/>
  </g>
</svg>`;
}

const STATES = { '': '#2f5fd0', 'off-': '#7b8291' };

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  for (const [prefix, colour] of Object.entries(STATES)) {
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<body style="margin:0;background:transparent">${drawing(colour).replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
      );
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(join(OUT, `${prefix}${size}.png`), png);
    }
  }
  await browser.close();
}

await main();
