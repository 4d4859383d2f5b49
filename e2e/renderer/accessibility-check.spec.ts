import { expectNoAxeViolations } from './harness/accessibility.ts';
import { expect, test } from './harness/fixtures.ts';

test.describe('the axe check itself', () => {
  test('fails on a page with a nameless button and an image without alt text', async ({ app }) => {
    await app.open();
    await expectNoAxeViolations(app.page, 'sign-in before the defects');
    await app.page.evaluate(`(() => {
      const button = document.createElement('button');
      const image = document.createElement('img');
      image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main').append(button, image);
    })()`);
    const failure = await expectNoAxeViolations(app.page, 'sign-in with the defects').then(
      () => undefined,
      (error: unknown) => String(error),
    );
    expect(failure).toContain('button-name');
    expect(failure).toContain('image-alt');
  });
});
