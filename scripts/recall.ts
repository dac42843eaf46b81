// `npm run --silent recall`: the listing readers' recall and precision over their saved pages, as
// a table (tests/recall.ts). Exit 1 when a page misses a listed paper or shows one not listed.
import { EXPECTED, format, measure } from '../tests/recall';

const rows = Object.entries(EXPECTED).map(([name, keys]) => measure(name, keys));
process.stdout.write(`${format(rows)}\n`);
if (rows.some((row) => row.missing.length > 0 || row.unexpected.length > 0)) process.exitCode = 1;
