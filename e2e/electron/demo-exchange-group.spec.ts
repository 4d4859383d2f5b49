import { expect, test } from '@playwright/test';
import { launchConsole } from './electron-app.ts';

const SUPER_USER_ACKNOWLEDGEMENT = 'I understand that every member listed will be able to open all protected content';

test.describe('the demo environment in the desktop app', () => {
  test('signs in to the demo and adds the Exchange Servers group after the super-user warning', async () => {
    const running = await launchConsole();
    const { window } = running;
    try {
      await window.getByRole('button', { name: 'Try the demo environment' }).click();
      await expect(window.getByRole('heading', { level: 1, name: 'Servers allowed to utilize the connector' })).toBeVisible({ timeout: 60_000 });

      await window.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Add…' }).click();
      const dialog = window.getByRole('dialog', { name: 'Allow a server to utilize the connector' });
      await dialog.getByRole('radio', { name: /^Exchange Server/ }).check();
      await dialog.getByRole('textbox', { name: 'Object name' }).fill('Exchange Servers');
      await dialog.getByRole('button', { name: 'Check Names' }).click();

      await expect(dialog.getByRole('heading', { name: 'Warnings' })).toBeVisible({ timeout: 30_000 });
      const acknowledgement = dialog.getByRole('checkbox', { name: SUPER_USER_ACKNOWLEDGEMENT });
      const save = dialog.getByRole('button', { name: 'Save', exact: true });
      await expect(save).toBeDisabled();
      await acknowledgement.check();
      const others = dialog.getByRole('checkbox', { name: /^I understand/ });
      for (let index = 0; index < (await others.count()); index += 1) await others.nth(index).check();
      await expect(save).toBeEnabled();
      await save.click();
      await expect(dialog).toBeHidden({ timeout: 30_000 });

      const grid = window.getByRole('grid', { name: 'Servers allowed to utilize the connector' });
      const row = grid.getByRole('row').filter({ hasText: 'Exchange Servers' });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Exchange Server');
    } finally {
      await running.close();
    }
  });
});
