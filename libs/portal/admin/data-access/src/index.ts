// Signal stores of the internal admin area over the generated client.
export {
  type NewTenant,
  TenantDetailStore,
  type TenantDetailState,
  type TenantFilters,
  TenantListStore,
} from './lib/tenants.store';
export { type UserDetailState, UserDetailStore, type UserFilters, UserListStore } from './lib/users.store';
