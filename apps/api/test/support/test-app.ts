import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
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

/** The base paths of the controllers in the modules a test adds to the application (`@Controller('api/probe')`). */
function probeRoutePrefixes(imports: Array<Type | DynamicModule>): string[] {
  return imports
    .flatMap((module) => [
      ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, 'module' in module ? module.module : module) as
        Type[] | undefined) ?? []),
      ...('module' in module ? (module.controllers ?? []) : []),
    ])
    .flatMap((controller) => [(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? []])
    .flat()
    .map((path) => `/${path.replace(/^\/+|\/+$/g, '')}`);
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
  // Every answer is checked against the committed OpenAPI document (openapi-contract.ts), but those of the probe
  // controllers a test adds: they are the test's, not the API's.
  const probes = probeRoutePrefixes(options.imports ?? []);
  recordExchanges(app.getHttpServer(), (exchange) => {
    const path = new URL(exchange.url, 'http://api.invalid').pathname;
    if (!probes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) checkExchange(exchange);
  });
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
