import { PageQueryDto } from './page-query.dto';

/** `q` searches email addresses and display names. */
export class ListAdminUsersQueryDto extends PageQueryDto {}
