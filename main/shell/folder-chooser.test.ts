import { describe, expect, it } from 'vitest';
import { createFolderChooser } from './folder-chooser.ts';
import { createFakeElectron } from './testing/fake-electron.ts';

const request = { title: 'Choose the folder for the server configuration files', buttonLabel: 'Save here' };

describe('createFolderChooser', () => {
  it('asks the native picker for one folder (with New folder) and answers the chosen path', async () => {
    const electron = createFakeElectron({ userData: '/tmp/user-data' });
    electron.record.openDialogAnswer = { canceled: false, filePaths: ['/home/admin/rms'] };

    const folder = await createFolderChooser(electron.dialog)(request);

    expect({ folder, asked: electron.record.openDialogs }).toEqual({
      folder: '/home/admin/rms',
      asked: [{ title: request.title, buttonLabel: 'Save here', properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] }],
    });
  });

  it.each([
    ['the admin cancelled', { canceled: true, filePaths: ['/home/admin/rms'] }],
    ['no path came back', { canceled: false, filePaths: [] }],
    ['a relative path came back', { canceled: false, filePaths: ['rms'] }],
    ['several paths came back', { canceled: false, filePaths: ['/a', '/b'] }],
  ])('answers no folder when %s', async (_label, answer) => {
    const electron = createFakeElectron({ userData: '/tmp/user-data' });
    electron.record.openDialogAnswer = answer;
    expect(await createFolderChooser(electron.dialog)(request)).toBeUndefined();
  });
});
