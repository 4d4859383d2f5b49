import { SERVERS_HEADING } from './harness/console-app.ts';
import { acknowledgements } from './harness/findings.ts';
import { expect, test } from './harness/fixtures.ts';

test.describe('refuse a user account for the Exchange role', () => {
  test('shows an error finding for alice as Exchange and never enables Save', async ({ app }) => {
    await app.signIn();
    const dialog = await app.openAddDialog();
    await app.checkName(dialog, 'Exchange Server', 'alice');

    await expect(dialog.getByRole('heading', { name: 'Errors' })).toBeVisible();
    // Exchange needs a security group; a user is refused (EXCHANGE_REQUIRES_SECURITY_GROUP).
    await expect(dialog.getByText(/security group/i).first()).toBeVisible();
    const save = dialog.getByRole('button', { name: 'Save', exact: true });
    await expect(save).toBeDisabled();
    // Acknowledging every warning there may be still leaves the error in the way.
    for (const box of await acknowledgements(dialog).all()) await box.check();
    await expect(save).toBeDisabled();

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.page.getByRole('heading', { level: 1, name: SERVERS_HEADING })).toBeVisible();
    await expect(app.rowOf('alice')).toHaveCount(0);
  });
});
