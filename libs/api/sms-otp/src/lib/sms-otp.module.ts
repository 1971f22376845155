import { NotificationsModule } from '@aidial/api/notifications';
import { Module } from '@nestjs/common';
import { MfaModule } from '@aidial/api/mfa';
import { ZitadelModule } from '@aidial/api/zitadel';
import { SmsOtpController } from './sms-otp.controller';
import { SmsOtpGateGuard } from './sms-otp-gate.guard';
import { SmsOtpService } from './sms-otp.service';

/**
 * SMS one-time-code enrolment. Uses the global RateLimiter and AUDIT_RECORDER from api-core, the Zitadel client, and
 * the MFA module (one way) to show the new factor in the session's snapshot at once.
 */
@Module({
  imports: [ZitadelModule, MfaModule, NotificationsModule],
  controllers: [SmsOtpController],
  providers: [SmsOtpService, SmsOtpGateGuard],
})
export class SmsOtpModule {}
