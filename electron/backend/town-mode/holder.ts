import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/envelope';
import type { TownFileView } from '../../../shared/api/town';
import { bilingual } from '../bilingual';
import { createTownFile, openTownFile, type TownContext } from '../town/context';
import type { ImportJob } from './import-job';

/**
 * The town office file open in the app (town mode), one per data folder: the Electron shell may switch election files
 * underneath, and tests run several backends in one process, each on its own data folder.
 */
export class TownHolder {
  private ctx: TownContext | null = null;
  /** The folder import under way or last finished (its progress is asked for by number). */
  job: ImportJob | null = null;

  constructor(public defaultFile: string) {}

  view(): TownFileView {
    const c = this.ctx;
    return { open: c === null ? null : { file: c.file, name: c.office.name, followUpDays: c.office.followUpDays }, defaultFile: this.defaultFile };
  }

  /** The open town file, or a refusal telling the operator to open one first. */
  current(): TownContext {
    if (this.ctx === null || !this.ctx.db.open) {
      throw new ApiError('refused', bilingual('尚未打开街道（镇）备案文件', 'no town office file is open'));
    }
    return this.ctx;
  }

  open(file: string): TownFileView {
    this.replace(openTownFile(resolve(file)));
    return this.view();
  }

  /** Creates the file; one that already holds this very office is opened instead (a re-sent create), another is refused. */
  create(file: string, office: { name: string; followUpDays: number }): TownFileView & { created: boolean } {
    const path = resolve(file);
    if (existsSync(path)) {
      const ctx = openTownFile(path);
      if (ctx.office.name !== office.name) {
        ctx.db.close();
        throw new ApiError('conflict', bilingual(
          `${path} 已经是「${ctx.office.name}」的备案文件，未做改动`,
          `${path} already holds the town office "${ctx.office.name}"; nothing changed`,
        ));
      }
      this.replace(ctx);
      return { ...this.view(), created: false };
    }
    try {
      this.replace(createTownFile(path, office));
    } catch (e) {
      for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
      throw e;
    }
    return { ...this.view(), created: true };
  }

  close(): TownFileView {
    this.replace(null);
    return this.view();
  }

  private replace(next: TownContext | null): void {
    if (this.ctx !== null && this.ctx.db.open) this.ctx.db.close();
    this.ctx = next;
  }
}

const holders = new Map<string, TownHolder>();

export const TOWN_FILE_NAME = 'town.sqlite';

/** The town holder of a data folder (made on first use, with `town.sqlite` in that folder as the file offered first). */
export function townHolderFor(dataDir: string): TownHolder {
  const key = resolve(dataDir);
  let holder = holders.get(key);
  if (holder === undefined) {
    holder = new TownHolder(join(key, TOWN_FILE_NAME));
    holders.set(key, holder);
  }
  return holder;
}

/**
 * The start option (`npm start -- --town [FILE]`): the file offered first becomes FILE, and it is opened now when it
 * exists (otherwise the town page offers to create it there).
 */
export function startInTownMode(dataDir: string, file?: string): TownFileView {
  const holder = townHolderFor(dataDir);
  if (file !== undefined) holder.defaultFile = resolve(file);
  if (existsSync(holder.defaultFile)) holder.open(holder.defaultFile);
  return holder.view();
}
