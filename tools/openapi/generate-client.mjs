// Generates the portal's API client from the committed OpenAPI document (apps/api/openapi.json) with @hey-api/openapi-ts:
// Angular HttpClient transport, TypeScript types and one function per operation.
//
//   node tools/openapi/generate-client.mjs [--input <openapi.json>] [--output <dir>]
//
// The input defaults to apps/api/openapi.json, the output to libs/portal/api-client/src/generated (committed, never edited
// by hand). Every run on the same document writes byte-identical files — no timestamps, no formatter, no path of the
// input or output in them — so the drift check can regenerate a fresh document into a temporary folder and diff it
// against the committed one.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from '@hey-api/openapi-ts';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const defaultInput = join(workspaceRoot, 'apps/api/openapi.json');
const defaultOutput = join(workspaceRoot, 'libs/portal/api-client/src/generated');

const HEADER = '// Generated from apps/api/openapi.json by tools/openapi/generate-client.mjs. Do not edit by hand.';

const README = `# Generated API client

Generated from \`apps/api/openapi.json\` by \`tools/openapi/generate-client.mjs\`: never edit these files by hand.
After changing a controller or DTO, run \`npm run openapi:generate\` (exports the document, then regenerates this folder).
`;

const { values } = parseArgs({ options: { input: { type: 'string' }, output: { type: 'string' } } });
const input = values.input ? resolve(values.input) : defaultInput;
const output = values.output ? resolve(values.output) : defaultOutput;

await createClient({
  input,
  output: {
    path: output,
    // The output folder is emptied first, so a removed operation leaves no file behind.
    clean: true,
    header: HEADER,
    // Pinned, so the import style never depends on which tsconfig.json the generator happens to find from the cwd.
    tsConfigPath: join(workspaceRoot, 'libs/portal/api-client/tsconfig.json'),
  },
  plugins: [
    // The base URL is set at run time by provideApiClient() (same origin in the portal).
    { name: '@hey-api/client-angular', baseUrl: false },
    '@hey-api/typescript',
    '@hey-api/sdk',
  ],
  logs: { level: 'silent', file: false },
});

// Written after generation because `clean` empties the folder.
writeFileSync(join(output, 'README.md'), README);
process.stdout.write(`API client generated into ${output}\n`);
