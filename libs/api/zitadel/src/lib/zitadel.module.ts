import { Module } from '@nestjs/common';
import { ZitadelClient } from './zitadel-client';

/** The Zitadel REST client (DESIGN.md §3), for the modules that ask the provider server-side (mfa, sms-otp). */
@Module({ providers: [ZitadelClient], exports: [ZitadelClient] })
export class ZitadelModule {}
