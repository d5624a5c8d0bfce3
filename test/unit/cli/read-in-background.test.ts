import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRegisterFile, UnreadableFileError } from '../../../src/import/read-register-file';
import { readRegisterFileInBackground } from '../../../src/cli/read-in-background';

describe('reading a register file on a worker thread', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-in-background-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives what reading it here gives', async () => {
    const file = path.join(dir, 'values.csv');
    fs.writeFileSync(file, '\uFEFFcode,period,value,note\r\nSRV01,2026-04,18.5,\r\nSRV01, 2026-05 ,21.9,"Staff vacancy, two posts"\r\n');

    const reading = readRegisterFileInBackground(file);
    const inBackground = await reading.result;

    expect(inBackground).toEqual(await readRegisterFile(file));
    expect(reading.done).toBe(true);
  });

  it('refuses an unreadable file with the same message', async () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'not a register');

    const refusal = readRegisterFileInBackground(file).result;

    const here = await readRegisterFile(file).then(() => null, (error: Error) => error);
    expect(here).toBeInstanceOf(UnreadableFileError);
    await expect(refusal).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(refusal).rejects.toThrow(here!.message);
  });
});
