import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@aidial/api/audit';
import { AuthModule } from '@aidial/api/auth';
import {
  AccessPolicyGuard,
  type AppConfig,
  CoreModule,
  RateLimitModule,
  RequestThrottleGuard,
  RequestThrottleModule,
} from '@aidial/api/core';
import { IntegrationsModule } from '@aidial/api/integrations';
import { MfaModule } from '@aidial/api/mfa';
import { ProxyModule } from '@aidial/api/proxy';
import { SessionsModule } from '@aidial/api/sessions';
import { SmsOtpModule } from '@aidial/api/sms-otp';
import { SupportModule } from '@aidial/api/support';
import { TenancyModule } from '@aidial/api/tenancy';
import { dataSourceOptions } from '../database/data-source';

/**
 * The composition root: core first, then the feature modules, and the one global guard chain (deny by default), which
 * reaches the features through the port tokens they export: SessionsModule's SESSION_AUTHENTICATOR, IntegrationsModule's
 * API_KEY_AUTHENTICATOR, TenancyModule's ACCESS_CONTEXT_READER and AuditModule's AUDIT_RECORDER.
 */
@Module({})
export class AppModule {
  /** `extraImports` is for tests that need a probe controller (a route that throws, a DTO to validate); production passes none. */
  static forRoot(config: AppConfig, extraImports: Array<Type | DynamicModule> = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, dataSourceOptions(config.databaseUrl)),
        SessionsModule,
        TenancyModule,
        AuthModule,
        AuditModule,
        IntegrationsModule,
        ProxyModule,
        RateLimitModule,
        RequestThrottleModule,
        SmsOtpModule,
        SupportModule,
        MfaModule,
        ...extraImports,
      ],
      // In this order: authentication and access first, then the request throttles (per key needs the key).
      providers: [
        { provide: APP_GUARD, useClass: AccessPolicyGuard },
        { provide: APP_GUARD, useClass: RequestThrottleGuard },
      ],
    };
  }
}
