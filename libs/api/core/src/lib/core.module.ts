import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { DatabaseModule } from './database/database.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { createValidationPipe } from './errors/validation';
import { HealthController } from './health/health.controller';
import { ReadinessChecks } from './health/readiness-checks';
import { loggerOptions } from './logging/logger-options';
import { AccessPolicyGuard } from './security/access-policy.guard';

/**
 * Configuration, logging, the database, the error envelope and the global security chain, registered once, in order.
 * Feature modules add to the chain through the port tokens this library exports, never by registering guards themselves.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, dataSourceOptions: DataSourceOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config.logLevel)),
        DatabaseModule.forRoot(dataSourceOptions),
        DiscoveryModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        ReadinessChecks,
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useClass: AccessPolicyGuard },
      ],
      exports: [APP_CONFIG, ReadinessChecks],
    };
  }
}
