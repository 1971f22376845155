import { Pipe, type PipeTransform } from '@angular/core';
import { roleLabel } from '@aidial/shared/access';

/**
 * `{{ member.role | roleLabel }}`: "Client Administrator" for `client_admin` (libs/shared/access's one label table).
 */
@Pipe({ name: 'roleLabel' })
export class RoleLabelPipe implements PipeTransform {
  transform(role: string | null | undefined): string {
    return role ? roleLabel(role) : '';
  }
}
