import { Pipe, type PipeTransform } from '@angular/core';

/** What a platform row's project reads as when the workspace does not name it (not loaded, or no longer in scope). */
export const UNNAMED_PROJECT = 'A project no longer in your scope';

/** `{{ row.project_id | projectName: store.projectNames() }}`: a project's name, never its id. */
@Pipe({ name: 'projectName' })
export class ProjectNamePipe implements PipeTransform {
  transform(projectId: string, names: Readonly<Record<string, string>>): string {
    return names[projectId] ?? UNNAMED_PROJECT;
  }
}
