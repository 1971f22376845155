import { type SecurityNotice, maskedPhone, renderNotice } from './notice-text';

const PORTAL = new URL('https://portal.example.com');
const recipient = { email: 'amelia@example.com', name: 'Amelia Hart' };

describe('security notice texts', () => {
  it('shows at most the last two digits of a phone number', () => {
    expect(maskedPhone('+61 412 345 678')).toBe('a number ending in 78');
    expect(maskedPhone(null)).toBeNull();
    const { body } = renderNotice({ kind: 'factor_added', factor: 'sms', phone: '+61412345678' }, recipient, PORTAL);
    expect(body).toContain('ending in 78');
    expect(body).not.toMatch(/\d{3,}/);
  });

  it('keeps what a person typed on one line and short', () => {
    const { subject, body } = renderNotice(
      { kind: 'api_key_created', keyName: 'ci\nBcc: evil@example.com', organisation: 'Acme\r\nX', createdBy: 'Marcus' },
      recipient,
      PORTAL,
    );
    expect(subject).not.toMatch(/[\r\n]/);
    expect(body).toContain('"ci Bcc: evil@example.com"');
  });

  it.each<SecurityNotice>([
    { kind: 'factor_removed', factor: 'totp' },
    { kind: 'factors_changed', added: ['sms'], removed: ['totp'], sessionsEnded: 2 },
    { kind: 'role_changed', organisation: 'Acme', fromRole: 'client_staff', toRole: 'client_manager' },
    { kind: 'sessions_ended_by_admin', count: 1, endedBy: 'AiDial support' },
    { kind: 'new_device_sign_in', device: 'Firefox on iOS 17', network: '203.0.113.*', at: new Date(0) },
  ])('says what happened and where to look ($kind)', (notice) => {
    const { subject, body } = renderNotice(notice, recipient, PORTAL);
    expect(subject.length).toBeGreaterThan(5);
    expect(body).toContain('Hello Amelia Hart,');
    expect(body).toContain('https://portal.example.com/settings');
  });
});
