import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppLogger, type AppConfig, configureHttp } from '@aidial/api/core';
import { mountOpenApi } from '../openapi/openapi-document';
import { AppModule } from './app.module';

/**
 * Builds the whole application exactly as production runs it. `main.ts`, the integration tests and the bench all
 * start here, so what the tests exercise is what ships.
 */
export async function createApp(
  config: AppConfig,
  extraImports: Array<Type | DynamicModule> = [],
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, extraImports), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(AppLogger));
  configureHttp(app, config);
  mountOpenApi(app);
  return app;
}
