// Chart.js (MIT), inlined into each report from node_modules so the file opens offline. Its UMD
// build defines the global `Chart`; its licence text travels with it, as the MIT licence asks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The library's minified build preceded by its licence, ready for an inline `<script>`. */
export function chartLibrary(): string {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  // The package exports only its module entry points; the UMD build sits beside them in dist/.
  const dist = dirname(require.resolve('chart.js'));
  const build = readFileSync(join(dist, 'chart.umd.min.js'), 'utf8');
  const licence = readFileSync(join(dist, '..', 'LICENSE.md'), 'utf8');
  if (/<\/script|<!--/i.test(build)) throw new Error('the chart library cannot be inlined: it holds a script end tag');
  cached = `/*\nChart.js, bundled by Chorus for an offline report.\n${licence.replaceAll('*/', '* /')}\n*/\n${build}`;
  return cached;
}
