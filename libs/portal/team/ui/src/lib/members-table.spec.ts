import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelect } from '@angular/material/select';
import { By } from '@angular/platform-browser';
import { MembersTable, type RoleChange, type TeamMember } from './members-table';

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
  async function render(canManage: boolean, others: TeamMember[] = [member('m-2', 'client_staff')]) {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const fixture = TestBed.createComponent(MembersTable);
    fixture.componentRef.setInput('members', [member('me', 'client_admin', true), ...others]);
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
    const remove = buttonIn(rows[1], 'Remove Member m-2');
    expect(remove?.classList).toContain('aidial-destructive');
    remove?.click();
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

  it('asks for a role change and shows the stored role until the page has one', async () => {
    const fixture = await render(true);
    const requested: RoleChange[] = [];
    fixture.componentInstance.roleChange.subscribe((change) => requested.push(change));
    const select = fixture.debugElement.query(By.directive(MatSelect)).componentInstance as MatSelect;
    select.open();
    fixture.detectChanges();
    const option = [...document.querySelectorAll<HTMLElement>('mat-option')].find(
      (element) => element.textContent?.trim() === 'Client Administrator',
    );
    option?.click();
    fixture.detectChanges();
    await fixture.whenStable();

    expect(requested.map(({ member: changed, role }) => [changed.id, role])).toEqual([['m-2', 'client_admin']]);
    expect(select.value).toBe('client_staff');
    expect(select.triggerValue).toBe('Client Staff');

    fixture.componentRef.setInput('members', [member('me', 'client_admin', true), member('m-2', 'client_admin')]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(select.triggerValue).toBe('Client Administrator');
  });

  it('reads a role the portal does not recognise as such, with what to do, never its code', async () => {
    const fixture = await render(false, [member('m-3', 'billing_clerk')]);
    const row = (fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr')[1] as HTMLElement;
    expect(row.textContent).toContain('Unrecognised role');
    expect(row.textContent).toContain('They cannot use the portal until an administrator gives them a role.');
    expect(row.textContent).not.toContain('billing_clerk');
  });

  it('lets a manager give a member with an unrecognised role a real one, or remove them (nothing to sign out)', async () => {
    const fixture = await render(true, [member('m-3', 'billing_clerk')]);
    const row = (fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr')[1] as HTMLElement;
    expect(row.textContent).toContain('They cannot use the portal until you choose a role for them, or remove them.');
    expect(row.textContent).not.toContain('billing_clerk');
    const select = fixture.debugElement.query(By.directive(MatSelect)).componentInstance as MatSelect;
    expect(select.value).toBeNull();
    expect(row.querySelector('mat-label')?.textContent?.trim()).toBe('Role of Member m-3');
    expect(buttonIn(row, 'Remove Member m-3')).toBeDefined();
    expect(buttonIn(row, 'Sign out sessions')).toBeUndefined();
  });
});
