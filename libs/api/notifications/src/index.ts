import { SecurityNoticeEntity } from './lib/security-notice.entity';

export * from './lib/notifications.module';
export { SecurityNotices } from './lib/security-notices';
export { NoticeDelivery } from './lib/notice-delivery';
export { type NoticeRecipient, type SecurityFactor, type SecurityNotice, maskedPhone } from './lib/notice-text';
export { SecurityNoticeEntity };

/** The tables this module owns, listed for the application's data source (no globs). */
export const NOTIFICATIONS_ENTITIES = [SecurityNoticeEntity];
