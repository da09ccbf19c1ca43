import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveAttachments } from '../../adapters/console/save-attachments.ts';

describe('console attachments', () => {
  it('GIVEN a reply with a calendar THEN the console writes it to a file and says where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-files-'));
    const said = saveAttachments([{ filename: 'travis.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }], dir);
    expect(said).toEqual([`Saved travis.ics to ${join(dir, 'travis.ics')}`]);
    expect(readFileSync(join(dir, 'travis.ics'), 'utf8')).toBe('BEGIN:VCALENDAR');
  });

  it('GIVEN a file name with a path in it THEN it is written inside the directory, never outside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-files-'));
    saveAttachments([{ filename: '../../etc/evil name.ics', contentType: 'text/calendar', content: 'x' }], dir);
    expect(readdirSync(dir)).toEqual(['evil_name.ics']);
  });
});
