// Reading an uploaded CSV: each row says the line of the file it came from, however the file is
// laid out (issue 26 gave the parser a fast path for files with one record a line).
import { describe, expect, it } from 'vitest';
import { CsvFileError, parseCsv } from '../lib/import/parse';

const columns = { required: ['name'], optional: ['note'] };
const lines = (text: string) => parseCsv(text, columns).rows.map((r) => [r.line, r.values.name, r.values.note]);

describe('the line each row is on', () => {
  it('is its place in the file when every record is one line, with or without a last line break', () => {
    expect(lines('name,note\nAnn,a\nBob,b\n')).toEqual([
      [2, 'Ann', 'a'],
      [3, 'Bob', 'b'],
    ]);
    expect(lines('name,note\r\nAnn,a\r\nBob,b')).toEqual([
      [2, 'Ann', 'a'],
      [3, 'Bob', 'b'],
    ]);
    expect(lines('\uFEFFname,note\nAnn,a\n')).toEqual([[2, 'Ann', 'a']]);
  });

  it('counts the empty lines it skips', () => {
    expect(lines('name,note\n\nAnn,a\n\n\nBob,b\n')).toEqual([
      [3, 'Ann', 'a'],
      [6, 'Bob', 'b'],
    ]);
  });

  it('is the line a record ends on when a quoted field holds line breaks', () => {
    expect(lines('name,note\nAnn,"one\ntwo"\nBob,b\n')).toEqual([
      [3, 'Ann', 'one\ntwo'],
      [4, 'Bob', 'b'],
    ]);
  });

  it('is named when a row has a different number of columns', () => {
    expect(() => parseCsv('name,note\nAnn,a\nBob\n', columns)).toThrow(CsvFileError);
    expect(() => parseCsv('name,note\nAnn,a\nBob\n', columns)).toThrow(/Line 3/);
  });
});
