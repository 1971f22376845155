import { auditDetailLines } from './audit-details';

describe('auditDetailLines', () => {
  it('puts each recorded field into words: role names, codes as words, yes and no, lists', () => {
    expect(
      auditDetailLines({
        from_role: 'client_staff',
        to_role: 'client_admin',
        team: 'partner_team',
        reason: 'stale_marker',
        step_up: true,
        amr: ['pwd', 'otp'],
        sessions_ended: 0,
        note: 'Left the company',
        phone_tail: '+61 ... 678',
      }),
    ).toEqual([
      { label: 'From role', value: 'Client Staff' },
      { label: 'To role', value: 'Client Administrator' },
      { label: 'Team', value: 'Partner Team' },
      { label: 'Reason', value: 'Stale marker' },
      { label: 'Step-up sign-in', value: 'Yes' },
      { label: 'Sign-in methods', value: 'pwd, otp' },
      { label: 'Sessions ended', value: '0' },
      { label: 'Note', value: 'Left the company' },
      { label: 'Phone', value: '+61 ... 678' },
    ]);
  });

  it('leaves ids out: the export and the API carry them', () => {
    expect(
      auditDetailLines({
        user_id: '11111111-2222-4333-8444-555555555555',
        public_id: 'k3v9x0a1b2c3',
        successor_public_id: 'p0q9r8s7t6u5',
        project_ids: ['11111111-2222-4333-8444-555555555555'],
        managing_partner_id: null,
        name: 'CRM sync',
      }),
    ).toEqual([{ label: 'Name', value: 'CRM sync' }]);
  });

  it('names a field it does not know in words', () => {
    expect(auditDetailLines({ new_field: 'x' })).toEqual([{ label: 'New field', value: 'x' }]);
    expect(auditDetailLines(null)).toEqual([]);
  });
});
