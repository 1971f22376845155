import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { DatabaseModule } from './database/database.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { createValidationPipe } from './errors/validation';
import { HealthController } from './health/health.controller';
import { ReadinessChecks } from './health/readiness-checks';
import { AppLogger, createRootLogger } from './logging/app-logger';

/**
 * Configuration, logging, the database, the error envelope and the validation pipe, registered once. The guard chain
 * (`AccessPolicyGuard`) is registered by the composition root, beside the feature modules that implement its ports
 * (SESSION_AUTHENTICATOR, API_KEY_AUTHENTICATOR, ACCESS_CONTEXT_READER, AUDIT_RECORDER): features never register
 * guards themselves, and none needs to be global for the guard to reach it.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, dataSourceOptions: DataSourceOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [DatabaseModule.forRoot(dataSourceOptions), DiscoveryModule],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: AppLogger, useValue: new AppLogger(createRootLogger(config.logLevel)) },
        ReadinessChecks,
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [APP_CONFIG, AppLogger, ReadinessChecks],
    };
  }
}
