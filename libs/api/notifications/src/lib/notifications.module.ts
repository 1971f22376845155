import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NoticeDelivery } from './notice-delivery';
import { SecurityNoticeEntity } from './security-notice.entity';
import { SecurityNoticeRepository } from './security-notice.repository';
import { SecurityNotices } from './security-notices';

/**
 * Security notices by e-mail: the outbox (`security_notice`) that features write to in their own transactions, and the
 * worker that delivers it over SMTP. Depends on core only; the features that tell people about changes import it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SecurityNoticeEntity])],
  providers: [SecurityNoticeRepository, SecurityNotices, NoticeDelivery],
  exports: [SecurityNotices],
})
export class NotificationsModule {}
