import type { Lang } from '../../shared/i18n';
import type { MenuCommand } from '../../shared/api/shell';
import type { ShellClient } from '../api/shell';
import { openRoundsOf, refusedTargetOf, type LeaveConfirmation, type OpenRound } from '../pages/start/open-rounds';
import { hrefFor } from './router';

/** What a menu command may do to the page: the same things its own buttons and links do. */
export interface MenuEffects {
  navigate(hash: string): void;
  setLang(lang: Lang): void;
  print(): Promise<void>;
  /** After another election file was opened: the page reloads onto it. */
  reload(): void;
  /**
   * A round of the open file is voting or counting: the page names the rounds and asks a committee member's PIN, as
   * the Start page does; null when the person gives up the switch.
   */
  confirmLeave(open: OpenRound[], target: string): Promise<LeaveConfirmation | null>;
}

/** Does what the page's own button for `command` does. */
export async function runMenuCommand(shell: ShellClient, command: MenuCommand, page: MenuEffects): Promise<void> {
  switch (command) {
    case 'election:new':
    case 'election:open': {
      const method = command === 'election:new' ? 'shell:newElection' : 'shell:openElection';
      let input: { path?: string; leave?: LeaveConfirmation } = {};
      for (;;) {
        try {
          const opened = await shell.call(method, input);
          if (!opened.canceled) page.reload();
          return;
        } catch (err) {
          const open = openRoundsOf(err);
          const target = refusedTargetOf(err);
          if (open === null || target === null) throw err;
          const leave = await page.confirmLeave(open, target);
          if (leave === null) return;
          input = { path: target, leave };
        }
      }
    }
    case 'roll:import':
      page.navigate(hrefFor('setup', 'roll'));
      return;
    case 'export:sealed':
      page.navigate(hrefFor('export'));
      return;
    case 'print':
      await page.print();
      return;
    case 'language:zh-CN':
    case 'language:en':
      page.setLang(command === 'language:en' ? 'en' : 'zh-CN');
      return;
  }
}

/**
 * Keeps one `shell:nextMenuCommand` call pending and runs each command it answers, until `stop()` is called or the
 * shell answers null (a newer poll took over, or the window is closing). A failed command goes to `onError` and the
 * loop goes on; a failed poll ends it (the shell is gone). Resolves when the loop has ended.
 */
export function followMenuCommands(
  shell: ShellClient,
  page: MenuEffects,
  onError: (err: unknown) => void,
): { stop(): void; done: Promise<void> } {
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      let command: MenuCommand | null;
      try {
        ({ command } = await shell.call('shell:nextMenuCommand', {}));
      } catch (err) {
        if (!stopped) onError(err);
        return;
      }
      if (command === null || stopped) return;
      try {
        await runMenuCommand(shell, command, page);
      } catch (err) {
        onError(err);
      }
    }
  })();
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}
