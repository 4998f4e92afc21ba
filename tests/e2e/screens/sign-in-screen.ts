import type { Page } from 'playwright-core';
import { TEST_PIN } from '../../helpers/authority';

/**
 * Signing in through the screens as a person does: the sign-in form (on the wall in place of a page, or over it
 * after Ctrl+Shift+S), the person found by name or number, Enter, the PIN, Enter.
 */

/** Types into the sign-in form that is up; waits for nothing after the last Enter (the PIN may be wrong). */
export async function typeSignIn(page: Page, who: string | number, pin = TEST_PIN): Promise<void> {
  const form = page.getByTestId('signin-form').last();
  await form.getByTestId('signin-filter').fill(String(who));
  await form.getByTestId('signin-filter').press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'signin-pin').catch(async (e: unknown) => {
    // Say where the focus went instead: the one clue a timeout here leaves.
    const at = await page.evaluate(() => {
      const a = document.activeElement;
      return a ? `${a.tagName} ${a.getAttribute('data-testid') ?? ''} ${(a.textContent ?? '').slice(0, 60)}` : 'nothing';
    });
    throw new Error(`the PIN field did not get the focus after choosing ${who}; the focus is on: ${at}`, { cause: e });
  });
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

/** Signs in on the wall, or switches person over the page by Ctrl+Shift+S; waits until the bar names them. */
export async function actAs(page: Page, who: string | number, pin = TEST_PIN): Promise<void> {
  if ((await page.getByTestId('session-bar').count()) > 0) {
    await page.keyboard.press('Control+Shift+S');
    await page.getByTestId('signin-overlay').waitFor();
  }
  await typeSignIn(page, who, pin);
  await page.waitForFunction(
    (w) => {
      const bar = document.querySelector('[data-testid=session-bar]');
      const dialog = document.querySelector<HTMLDialogElement>('[data-testid=signin-overlay]');
      if (bar === null || dialog?.open) return false;
      return typeof w === 'number' ? bar.getAttribute('data-person') === String(w) : (bar.textContent ?? '').includes(w);
    },
    who,
  );
}
