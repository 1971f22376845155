export { MembersTable, type RoleChange, type TeamMember } from './lib/members-table';
