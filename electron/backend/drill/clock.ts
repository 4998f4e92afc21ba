/**
 * The drill's clock: time moves only when the drill says so, so the same seed writes the same times (and so the
 * same audit log) on every run. Times are on election day in China Standard Time.
 */
export class DrillClock {
  private ms: number;
  constructor(
    readonly date: string,
    startTime = '07:00',
  ) {
    this.ms = DrillClock.at(date, startTime);
  }

  /** Milliseconds of `HH:MM` on `date` (+08:00). */
  static at(date: string, time: string): number {
    return Date.parse(`${date}T${time}:00+08:00`);
  }

  readonly now = (): Date => new Date(this.ms);

  /** Moves to `HH:MM` (never backwards). */
  set(time: string): void {
    this.ms = Math.max(this.ms, DrillClock.at(this.date, time));
  }

  /** Moves to an absolute time in ms (never backwards). */
  setMs(ms: number): void {
    this.ms = Math.max(this.ms, Math.round(ms));
  }

  advance(seconds: number): void {
    this.ms += Math.round(seconds * 1000);
  }
}
