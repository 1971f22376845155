import { isRole, roleLabel } from '@aidial/shared/access';
/**
 * The security notices a person gets by e-mail, and their words. Pure: a notice is rendered from these facts only, and
 * none of them is a secret, a code, a token or a full phone number (a phone number is shown by its last two digits).
 */
export type SecurityFactor = 'totp' | 'sms' | 'recovery_code' | 'passkey' | 'other';

export type SecurityNotice =
  | { readonly kind: 'factor_added'; readonly factor: SecurityFactor; readonly phone?: string | null }
  | { readonly kind: 'factor_removed'; readonly factor: SecurityFactor }
  | {
      readonly kind: 'factors_changed';
      readonly added: readonly SecurityFactor[];
      readonly removed: readonly SecurityFactor[];
      readonly sessionsEnded: number;
    }
  | {
      readonly kind: 'api_key_created';
      readonly keyName: string;
      readonly organisation: string;
      readonly createdBy: string;
    }
  | {
      readonly kind: 'role_changed';
      readonly organisation: string;
      readonly fromRole: string;
      readonly toRole: string;
    }
  | {
      readonly kind: 'sessions_ended_by_admin';
      readonly count: number;
      /** Who, as the person may be told: a colleague's name, or "AiDial support" (staff are not named to customers). */
      readonly endedBy: string;
    }
  | {
      readonly kind: 'new_device_sign_in';
      readonly device: string;
      readonly network: string | null;
      readonly at: Date;
    };

export type SecurityNoticeKind = SecurityNotice['kind'];

export interface NoticeRecipient {
  readonly email: string;
  readonly name: string | null;
}

export interface NoticeText {
  readonly subject: string;
  readonly body: string;
}

const FACTOR_WORDS: Readonly<Record<SecurityFactor, string>> = {
  totp: 'an authenticator app',
  sms: 'text-message codes',
  recovery_code: 'recovery codes',
  passkey: 'a passkey',
  other: 'a sign-in method',
};

/** "•••• •••• 42": never more than the last two digits of a phone number. */
export function maskedPhone(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 2 ? `a number ending in ${digits.slice(-2)}` : null;
}

/** Free text a person typed (a key's name, an organisation's name) on one line, without anything a mail reader links. */
function plain(value: string, max = 80): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function roleName(role: string): string {
  return isRole(role) ? roleLabel(role) : 'another role';
}

function list(factors: readonly SecurityFactor[]): string {
  return factors.map((factor) => FACTOR_WORDS[factor]).join(', ');
}

const IF_NOT_YOU =
  'If this was not you or someone you expect, sign in and review your sessions and sign-in methods, and tell your administrator.';

export function renderNotice(notice: SecurityNotice, recipient: NoticeRecipient, portalUrl: URL): NoticeText {
  const greeting = `Hello ${recipient.name ? plain(recipient.name, 60) : 'there'},`;
  const settings = new URL('/settings', portalUrl).href;
  const { subject, lines } = wordsOf(notice);
  const body = [
    greeting,
    '',
    ...lines,
    '',
    IF_NOT_YOU,
    settings,
    '',
    '— AiDial Access (an automatic security notice; replies are not read)',
  ].join('\n');
  return { subject, body };
}

function wordsOf(notice: SecurityNotice): { subject: string; lines: string[] } {
  switch (notice.kind) {
    case 'factor_added': {
      const phone = notice.factor === 'sms' ? maskedPhone(notice.phone) : null;
      return {
        subject: 'A sign-in method was added to your account',
        lines: [`${FACTOR_WORDS[notice.factor]} was added as a second factor${phone ? ` (${phone})` : ''}.`],
      };
    }
    case 'factor_removed':
      return {
        subject: 'A sign-in method was removed from your account',
        lines: [`${FACTOR_WORDS[notice.factor]} was removed as a second factor.`],
      };
    case 'factors_changed':
      return {
        subject: 'Your sign-in methods changed',
        lines: [
          ...(notice.added.length ? [`Added: ${list(notice.added)}.`] : []),
          ...(notice.removed.length ? [`Removed: ${list(notice.removed)}.`] : []),
          notice.sessionsEnded === 1
            ? 'For your security, your other signed-in session was signed out.'
            : `For your security, your other signed-in sessions were signed out (${notice.sessionsEnded}).`,
        ],
      };
    case 'api_key_created':
      return {
        subject: `A new API key was created in ${plain(notice.organisation, 60)}`,
        lines: [
          `${plain(notice.createdBy, 60)} created the API key "${plain(notice.keyName)}" in ${plain(notice.organisation)}.`,
          'You get this notice because you administer the organisation. The key itself is shown only to its creator.',
        ],
      };
    case 'role_changed':
      return {
        subject: 'Your role changed',
        lines: [
          `Your role in ${plain(notice.organisation)} changed from ${roleName(notice.fromRole)} to ${roleName(notice.toRole)}.`,
          'You were signed out there; sign in again to continue with the new role.',
        ],
      };
    case 'sessions_ended_by_admin':
      return {
        subject: 'You were signed out by an administrator',
        lines: [
          `${plain(notice.endedBy, 60)} signed you out (${notice.count === 1 ? '1 session' : `${notice.count} sessions`}).`,
          'The reason they gave is in your session history, under Settings → Sessions, after you sign in again.',
        ],
      };
    case 'new_device_sign_in':
      return {
        subject: 'New sign-in to your account',
        lines: [
          `Someone signed in to your account from ${plain(notice.device)}${notice.network ? ` on the network ${notice.network}` : ''} at ${notice.at.toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
          'If it was you, there is nothing to do.',
        ],
      };
  }
}
