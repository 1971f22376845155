import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDocumentOnlyApp } from './document-only-app';
import { buildOpenApiDocument } from './openapi-document';

/** Writes the OpenAPI document to the path given (default `apps/api/openapi.json`). */
async function exportDocument(target: string): Promise<void> {
  const app = await createDocumentOnlyApp();
  const document = buildOpenApiDocument(app);
  await app.close();
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`openapi: wrote ${target}\n`);
}

exportDocument(resolve(process.argv[2] ?? 'apps/api/openapi.json')).catch((error: unknown) => {
  process.stderr.write(`openapi export failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
