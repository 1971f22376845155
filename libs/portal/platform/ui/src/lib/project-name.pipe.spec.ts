import { ProjectNamePipe, UNNAMED_PROJECT } from './project-name.pipe';

describe('ProjectNamePipe', () => {
  const pipe = new ProjectNamePipe();
  const id = '6b17a18e-12b3-482a-9233-ae3c0a52a5e3';

  it('reads a project the workspace names by its name', () => {
    expect(pipe.transform(id, { [id]: 'Outbound reminders' })).toBe('Outbound reminders');
  });

  it('never shows the id of a project the workspace does not name', () => {
    expect(pipe.transform(id, {})).toBe(UNNAMED_PROJECT);
    expect(pipe.transform(id, {})).not.toContain(id.slice(0, 8));
  });
});
