import { drillApp } from './drill-app';

/**
 * The audit-log page (操作日志) on drill elections of 20,000 and 50,000 voters (a large community; tens of thousands of
 * events): opening the page to the first records, a filter by type to its count, jumping to the last record, and
 * verifying the whole chain on screen (the backend's walk in stretches, with progress). Also the DOM size at the end
 * of the list (windowed: it should not grow with the log). Target: each step but the chain < 1 s at 50,000.
 */

async function measure(voters: number): Promise<Record<string, number>> {
  const app = await drillApp(voters);
  try {
    const session = await app.sessionFor(app.personWith('committee'));
    const issued = await app.call<{ total: number }>('auditLog', { type: 'ballot.issued', limit: 1, session });

    let started = performance.now();
    const { page, context } = await app.open('#/audit', app.personWith('committee'));
    await page.locator('[data-testid=audit-scroller] [data-seq="1"]').waitFor({ timeout: 60_000 });
    const opened = performance.now() - started;
    // Signing in on opening the page logged an event: the count is read now.
    const all = await app.call<{ total: number }>('auditLog', { limit: 1, session });

    started = performance.now();
    await page.getByTestId('audit-type').selectOption('ballot.issued');
    await page.getByTestId('audit-total').filter({ hasText: String(issued.total) }).waitFor();
    await page.locator('[data-testid=audit-scroller] [data-seq]').first().waitFor();
    const filtered = performance.now() - started;
    await page.getByTestId('audit-type').selectOption('');
    await page.getByTestId('audit-total').filter({ hasText: String(all.total) }).waitFor();

    started = performance.now();
    await page.getByTestId('audit-scroller').focus();
    await page.keyboard.press('End');
    await page.locator(`[data-testid=audit-scroller] [data-seq="${all.total}"]`).waitFor();
    const toEnd = performance.now() - started;
    const nodes = await page.evaluate(() => document.querySelectorAll('*').length);

    started = performance.now();
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-intact').waitFor({ timeout: 120_000 });
    const verified = performance.now() - started;
    await context.close();
    return {
      [`${voters} voters: audit events`]: all.total,
      [`${voters} voters: open the page → first records ms`]: opened,
      [`${voters} voters: filter by type → its records ms`]: filtered,
      [`${voters} voters: End → last record shown ms`]: toEnd,
      [`${voters} voters: verify the whole chain on screen ms`]: verified,
      [`${voters} voters: page DOM nodes at the last record`]: nodes,
    };
  } finally {
    await app.close();
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const load = (await import('node:os')).loadavg()[0]!;
  return { ...(await measure(20_000)), ...(await measure(50_000)), 'load average (1 min) at the start': load };
}
