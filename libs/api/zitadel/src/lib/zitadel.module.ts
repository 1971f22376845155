import { Module } from '@nestjs/common';
import { ServiceAccountRights } from './service-account-rights';
import { ZitadelClient } from './zitadel-client';

/**
 * The ZITADEL REST client (DESIGN.md §3), for the modules that ask the provider server-side (mfa, sms-otp), and the
 * check that its service account has the instance-wide rights those calls need (reported to the readiness probe).
 */
@Module({ providers: [ZitadelClient, ServiceAccountRights], exports: [ZitadelClient, ServiceAccountRights] })
export class ZitadelModule {}
