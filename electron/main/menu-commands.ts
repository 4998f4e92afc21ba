import type { Implementation } from '../../shared/api/envelope';
import type { Language, MenuCommand, ShellContract } from '../../shared/api/shell';

/**
 * Carries menu clicks to the page through the `shell:nextMenuCommand` long poll, so the preload needs no event API.
 * Commands clicked while no call is pending wait in order; a new call answers an older pending one with null (the
 * page reloaded, or called twice).
 */
export class MenuCommandQueue {
  private readonly queued: MenuCommand[] = [];
  private waiter: ((cmd: MenuCommand | null) => void) | null = null;

  push(command: MenuCommand): void {
    const w = this.waiter;
    if (w) {
      this.waiter = null;
      w(command);
    } else {
      this.queued.push(command);
    }
  }

  next(): Promise<MenuCommand | null> {
    const first = this.queued.shift();
    if (first !== undefined) return Promise.resolve(first);
    this.waiter?.(null);
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  /** Answers a pending call with null (window closing). */
  release(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.(null);
  }
}

/**
 * The shell methods behind the native menus, free of Electron so they are tested as they run: the page's long poll
 * for the next command, and the page telling the menus which language to speak.
 */
export function menuShellMethods(state: {
  menu: MenuCommandQueue;
  setLanguage: (lang: Language) => void;
}): Pick<Implementation<ShellContract>, 'shell:nextMenuCommand' | 'shell:setLanguage'> {
  return {
    'shell:setLanguage': ({ lang }) => {
      state.setLanguage(lang);
      return { lang };
    },
    'shell:nextMenuCommand': async () => ({ command: await state.menu.next() }),
  };
}
