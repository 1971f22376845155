import type { Role } from '@aidial/shared/access';
import { navigationFor } from './navigation';

describe('navigationFor', () => {
  it.each<[Role, string[]]>([
    ['client_admin', ['Dashboard', 'Status']],
    ['client_manager', ['Dashboard', 'Status']],
    ['client_staff', ['Dashboard', 'Status']],
    ['partner_admin', ['Dashboard', 'Status']],
    ['partner_user', ['Dashboard', 'Status']],
    ['aidial_admin', ['Admin', 'Status']],
    ['aidial_operator', ['Admin', 'Status']],
  ])('lists the pages %s may open: %j', (role, labels) => {
    expect(navigationFor(role).map((item) => item.label)).toEqual(labels);
  });
});
