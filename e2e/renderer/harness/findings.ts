import { expect, type Locator } from '@playwright/test';

/** The acknowledgement the SUPER_USER_GRANT warning asks for (docs/console-ui.md). */
export const SUPER_USER_ACKNOWLEDGEMENT = 'I understand that every member listed will be able to open all protected content';

/** Every "I understand…" checkbox in `scope`. */
export function acknowledgements(scope: Locator): Locator {
  return scope.getByRole('checkbox', { name: /^I understand/ });
}

/**
 * Tick every warning's acknowledgement, checking that Save stays disabled until the last one.
 *
 * Resolves to how many there were.
 */
export async function acknowledgeAll(dialog: Locator): Promise<number> {
  const save = dialog.getByRole('button', { name: 'Save', exact: true });
  const boxes = acknowledgements(dialog);
  const count = await boxes.count();
  for (let index = 0; index < count; index += 1) {
    await expect(save, 'Save stays disabled while a warning is unacknowledged').toBeDisabled();
    await boxes.nth(index).check();
  }
  return count;
}

/** Save in the add dialog and wait for it to close. */
export async function saveAndClose(dialog: Locator): Promise<void> {
  const save = dialog.getByRole('button', { name: 'Save', exact: true });
  await expect(save).toBeEnabled();
  await save.click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}
