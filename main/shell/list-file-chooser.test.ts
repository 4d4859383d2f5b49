import { describe, expect, it } from 'vitest';
import { createListFileChooser } from './list-file-chooser.ts';
import { createFakeElectron } from './testing/fake-electron.ts';

const request = { title: 'Choose the list to import', buttonLabel: 'Import' };

describe('createListFileChooser', () => {
  it('asks the native picker for one JSON or CSV file and answers its path', async () => {
    const electron = createFakeElectron({ userData: '/tmp/user-data' });
    electron.record.openDialogAnswer = { canceled: false, filePaths: ['/home/admin/servers.csv'] };

    const file = await createListFileChooser(electron.dialog)(request);

    expect({ file, asked: electron.record.openDialogs }).toEqual({
      file: '/home/admin/servers.csv',
      asked: [
        {
          title: request.title,
          buttonLabel: 'Import',
          properties: ['openFile', 'dontAddToRecent'],
          filters: [
            { name: 'Authorized lists (*.json, *.csv)', extensions: ['json', 'csv'] },
            { name: 'All files', extensions: ['*'] },
          ],
        },
      ],
    });
  });

  it.each([
    ['the admin cancelled', { canceled: true, filePaths: ['/home/admin/list.json'] }],
    ['a relative path came back', { canceled: false, filePaths: ['list.json'] }],
    ['several paths came back', { canceled: false, filePaths: ['/a.json', '/b.json'] }],
  ])('answers no file when %s', async (_label, answer) => {
    const electron = createFakeElectron({ userData: '/tmp/user-data' });
    electron.record.openDialogAnswer = answer;
    expect(await createListFileChooser(electron.dialog)(request)).toBeUndefined();
  });
});
