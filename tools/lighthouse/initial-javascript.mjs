// The JavaScript a browser must load before the portal can draw anything: the module scripts of the built index.html
// and every chunk they import statically, transitively. Chunks behind a dynamic `import()` (lazy routes, the step-up
// dialog) are not part of it. For an Angular build this is the "Initial total" of its output without the stylesheet.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `<script src="main-….js" type="module">` in the built index.html. */
const MODULE_SCRIPT = /<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g;
/**
 * A static import or re-export in esbuild's minified output: `import{a as b}from"./chunk-X.js"`, `import"./chunk-X.js"`,
 * `export{c}from"./chunk-X.js"`. A dynamic `import("./chunk-X.js")` has a parenthesis after `import` and never matches.
 */
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.\/[^"']+\.js)["']/g;

/** `{ bytes, files }`: the raw size of that JavaScript in bytes, and its files, the entry points first. */
export function initialJavaScript(browserDir) {
  const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(MODULE_SCRIPT)].map((match) => match[1].replace(/^\.?\//, ''));
  if (entries.length === 0) throw new Error(`no module script in ${join(browserDir, 'index.html')}`);
  const files = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift();
    if (files.includes(file)) continue;
    files.push(file);
    const code = readFileSync(join(browserDir, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(match[1].slice(2));
  }
  const bytes = files.reduce((sum, file) => sum + statSync(join(browserDir, file)).size, 0);
  return { bytes, files };
}
