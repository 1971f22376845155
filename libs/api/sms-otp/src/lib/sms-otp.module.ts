import { Module } from '@nestjs/common';
import { ZitadelModule } from '@aidial/api/zitadel';
import { SmsOtpController } from './sms-otp.controller';
import { SmsOtpGateGuard } from './sms-otp-gate.guard';
import { SmsOtpService } from './sms-otp.service';

/** SMS one-time-code enrolment. Uses the global RateLimiter and AUDIT_RECORDER from api-core and the Zitadel client. */
@Module({
  imports: [ZitadelModule],
  controllers: [SmsOtpController],
  providers: [SmsOtpService, SmsOtpGateGuard],
})
export class SmsOtpModule {}
