import { describe, expect, it } from 'vitest';
import { createCaFileChooser } from './ca-file-chooser.ts';
import { createFakeElectron } from './testing/fake-electron.ts';

const request = { title: "Choose the CA certificate of the connector's HTTPS certificate", buttonLabel: 'Use this certificate' };

describe('createCaFileChooser', () => {
  it('asks the native picker for one certificate file and answers its path', async () => {
    const electron = createFakeElectron({ userData: '/tmp/user-data' });
    electron.record.openDialogAnswer = { canceled: false, filePaths: ['/home/admin/contoso-root.cer'] };

    const file = await createCaFileChooser(electron.dialog)(request);

    expect({ file, asked: electron.record.openDialogs }).toEqual({
      file: '/home/admin/contoso-root.cer',
      asked: [
        {
          title: request.title,
          buttonLabel: 'Use this certificate',
          properties: ['openFile', 'dontAddToRecent'],
          filters: [
            { name: 'Certificates (*.cer, *.crt, *.pem)', extensions: ['cer', 'crt', 'pem'] },
            { name: 'All files', extensions: ['*'] },
          ],
        },
      ],
    });
  });

  it.each([
    ['the admin cancelled', { canceled: true, filePaths: ['/home/admin/root.cer'] }],
    ['no path came back', { canceled: false, filePaths: [] }],
    ['a relative path came back', { canceled: false, filePaths: ['root.cer'] }],
    ['several paths came back', { canceled: false, filePaths: ['/a.cer', '/b.cer'] }],
  ])('answers no file when %s', async (_label, answer) => {
    const electron = createFakeElectron({ userData: '/tmp/user-data' });
    electron.record.openDialogAnswer = answer;
    expect(await createCaFileChooser(electron.dialog)(request)).toBeUndefined();
  });
});
