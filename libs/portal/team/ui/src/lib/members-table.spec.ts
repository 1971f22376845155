import { TestBed } from '@angular/core/testing';
import { MembersTable, type TeamMember } from './members-table';

const member = (id: string, role: string, isYou = false): TeamMember => ({
  id,
  email: `${id}@acme-health.example`,
  display_name: `Member ${id}`,
  role,
  project_scope: 'all',
  is_you: isYou,
});

const buttonIn = (root: ParentNode, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === name);

describe('MembersTable', () => {
  async function render(canManage: boolean) {
    const fixture = TestBed.createComponent(MembersTable);
    fixture.componentRef.setInput('members', [member('me', 'client_admin', true), member('m-2', 'client_staff')]);
    fixture.componentRef.setInput('roles', ['client_admin', 'client_manager', 'client_staff']);
    fixture.componentRef.setInput('canManage', canManage);
    await fixture.whenStable();
    return fixture;
  }

  it('only reads without canManage: no selects, no Remove buttons', async () => {
    const element = (await render(false)).nativeElement as HTMLElement;
    expect(element.querySelectorAll('mat-select')).toHaveLength(0);
    expect(element.querySelectorAll('button')).toHaveLength(0);
    expect(
      [...element.querySelectorAll('tbody tr')].map((row) => row.querySelectorAll('td')[1]?.textContent?.trim()),
    ).toEqual(['Client Administrator', 'Client Staff']);
  });

  it("offers a manager the other members' role and removal, never their own", async () => {
    const fixture = await render(true);
    const element = fixture.nativeElement as HTMLElement;
    const rows = [...element.querySelectorAll('tbody tr')];
    expect(rows[0].querySelector('mat-select')).toBeNull();
    expect(rows[0].textContent).toContain('(you)');
    expect(rows[1].querySelector('mat-select')).not.toBeNull();

    const removed: TeamMember[] = [];
    fixture.componentInstance.remove.subscribe((item) => removed.push(item));
    buttonIn(rows[1], 'Remove')?.click();
    expect(removed.map((item) => item.id)).toEqual(['m-2']);
  });

  it("offers a manager Sign out sessions on the other members' rows, never their own", async () => {
    const fixture = await render(true);
    const rows = [...(fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr')];
    expect(buttonIn(rows[0], 'Sign out sessions')).toBeUndefined();
    const button = buttonIn(rows[1], 'Sign out sessions');
    expect(button?.getAttribute('aria-label')).toBe('Sign out sessions of Member m-2');

    const signedOut: TeamMember[] = [];
    fixture.componentInstance.signOutSessions.subscribe((item) => signedOut.push(item));
    button?.click();
    expect(signedOut.map((item) => item.id)).toEqual(['m-2']);
  });

  it('names each role select after its member, for screen readers', async () => {
    const element = (await render(true)).nativeElement as HTMLElement;
    expect(element.querySelector('mat-label')?.textContent?.trim()).toBe('Role of Member m-2');
  });
});
