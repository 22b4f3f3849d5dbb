import { Random } from './random';
import { Schedule } from './schedule';

export interface CampaignOptions {
  seed: number;
  schedules: number;
  /** Actions per schedule. */
  steps?: number;
  /** Runs only this schedule (its number in the campaign), to reproduce one. */
  only?: number;
}

export interface CampaignReport {
  seed: number;
  schedules: number;
  steps: number;
  faults: Map<string, number>;
  kills: number;
  clockSteps: number;
  failures: Array<{ schedule: number; broken: string[]; log: string[] }>;
}

/** The seed of schedule `index` of a campaign: any schedule can be run again on its own. */
export function scheduleSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

/** Runs the schedules one after the other and adds up what they survived. */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const report: CampaignReport = { seed: options.seed, schedules: 0, steps: 0, faults: new Map(), kills: 0, clockSteps: 0, failures: [] };
  const indexes = options.only !== undefined ? [options.only] : Array.from({ length: options.schedules }, (_, index) => index);
  for (const index of indexes) {
    const random = new Random(scheduleSeed(options.seed, index));
    const schedule = new Schedule(random, options.steps ?? random.int(12, 24));
    const result = await schedule.run();
    report.schedules++;
    report.steps += result.steps;
    report.kills += result.kills;
    report.clockSteps += result.clockSteps;
    for (const [fault, count] of schedule.faultsSurvived) {
      report.faults.set(fault, (report.faults.get(fault) ?? 0) + count);
    }
    if (result.broken.length > 0) {
      report.failures.push({ schedule: index, broken: result.broken, log: result.log });
    }
  }
  return report;
}

/** One line a person reads: how many schedules, steps and faults, of which kinds. */
export function describeCampaign(report: CampaignReport): string {
  const faults = [...report.faults.values()].reduce((sum, count) => sum + count, 0);
  const kinds = [...report.faults.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fault, count]) => `${fault} ${count}`)
    .join(', ');
  return (
    `Fault campaign (seed ${report.seed}): ${report.schedules} schedules, ${report.steps} steps, ` +
    `${faults + report.kills + report.clockSteps} faults survived (${kinds}, windows killed mid-write ${report.kills}, clock jumps ${report.clockSteps})`
  );
}
