import { csvCell, csvLine } from './csv';

describe('CSV export cells', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ['a,b\nc', '"a,b\nc"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    [null, '""'],
    [undefined, '""'],
    [true, '"true"'],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes dates as ISO strings and ends lines with CRLF', () => {
    expect(csvLine([new Date('2026-01-02T03:04:05Z'), 'x'])).toBe('"2026-01-02T03:04:05.000Z","x"\r\n');
  });
});
