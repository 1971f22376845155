import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadAppConfig } from '@aidial/api/core';
import { type TestDatabase, cloneTestDatabase, testApiEnv } from '@aidial/api/testing';
import { createApp } from '../../src/app/create-app';
import { checkExchange, holdTestsToCommittedDocument } from './openapi-contract';
import { recordExchanges } from './openapi-exchange-recorder';

holdTestsToCommittedDocument();

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  /** `url` is the API's role, as the application uses it; `ownerUrl` the tables' owner. */
  readonly database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real application on its own fresh database, listening on a free loopback port. Every answer it gives is held to
 * the committed OpenAPI document: a test that receives one the document does not describe fails.
 */
export async function startTestApp(
  options: { env?: Record<string, string | undefined>; imports?: Array<Type | DynamicModule>; port?: number } = {},
): Promise<TestApp> {
  const database = await cloneTestDatabase();
  const loaded = loadAppConfig(testApiEnv(database.url, options.env));
  if (!loaded.ok) throw new Error(`test configuration is invalid: ${loaded.problems.join('; ')}`);
  const app = await createApp(loaded.config, options.imports);
  // Every answer is checked against the committed OpenAPI document (openapi-contract.ts).
  recordExchanges(app.getHttpServer(), checkExchange);
  await app.listen(options.port ?? 0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
