import type { Page } from 'playwright-core';
import { TEST_PIN } from '../../helpers/authority';
import { actAs } from './sign-in-screen';

/** Waits until the element with this data-testid has the keyboard focus. */
export const focusIs = (page: Page, testId: string) =>
  page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);

/**
 * Counting the central box C1 of round 1 by keyboard, as the day does it: the chief scrutineer 谢文 opens it and
 * records the ballots found, the counter 郑丽 enters each ballot (every section: candidate 1, members 1, 2, 3 —
 * the residents' fixture's four-section ballot). Leaves the box panel with every ballot entered, not yet finished.
 */
export async function countCentralBoxByKeys(page: Page, ballots: number, pin = TEST_PIN): Promise<void> {
  await actAs(page, '谢文', pin);
  await page.keyboard.press('Alt+5');
  await page.getByTestId('box-list').waitFor();
  await focusIs(page, 'box-link-C1');
  await page.keyboard.press('Enter');
  await focusIs(page, 'open-box');
  await page.keyboard.press('Enter');
  await focusIs(page, 'found-input');
  await page.keyboard.type(String(ballots));
  await page.keyboard.press('Enter');
  await focusIs(page, 'ballot-sheet');
  await actAs(page, '郑丽', pin);
  await focusIs(page, 'ballot-sheet');
  const ballotKeys = ['1', 'Enter', '1', 'Enter', '1', '2', '3', 'Enter', '1', 'Enter'];
  for (let i = 0; i < ballots; i++) for (const k of ballotKeys) await page.keyboard.press(k);
  await page.waitForFunction((n) => document.querySelector(`[data-testid=ballot-${n}]`) !== null, ballots);
}
