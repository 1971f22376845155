import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AuditModule } from '@aidial/api/audit';
import { AuthModule } from '@aidial/api/auth';
import { type AppConfig, CoreModule, RateLimitModule } from '@aidial/api/core';
import { IntegrationsModule } from '@aidial/api/integrations';
import { MfaModule } from '@aidial/api/mfa';
import { ProxyModule } from '@aidial/api/proxy';
import { SmsOtpModule } from '@aidial/api/sms-otp';
import { SupportModule } from '@aidial/api/support';
import { TenancyModule } from '@aidial/api/tenancy';
import { dataSourceOptions } from '../database/data-source';

/** The composition root: core first (its guard chain wraps every controller), then the feature modules. */
@Module({})
export class AppModule {
  /** `extraImports` is for tests that need a probe controller (a route that throws, a DTO to validate); production passes none. */
  static forRoot(config: AppConfig, extraImports: Array<Type | DynamicModule> = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, dataSourceOptions(config.databaseUrl)),
        TenancyModule,
        AuthModule,
        AuditModule,
        IntegrationsModule,
        ProxyModule,
        RateLimitModule,
        SmsOtpModule,
        SupportModule,
        MfaModule,
        ...extraImports,
      ],
    };
  }
}
