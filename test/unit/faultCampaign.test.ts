import * as assert from 'node:assert/strict';
import { describeCampaign, runCampaign } from '../campaign/campaign';

// The randomized fault campaign: many seeded schedules of two windows sharing one state folder
// against a faulty service, disk and clock, with the invariants checked after each.
//   INTERVALS_CAMPAIGN_SEED=<n>       another campaign (the default seed is fixed, so CI is stable)
//   INTERVALS_CAMPAIGN_SCHEDULES=<n>  more or fewer schedules (default 1000; CI needs at least 500)
//   INTERVALS_CAMPAIGN_ONLY=<i>       only schedule i of the campaign (as printed when it fails)

const SEED = Number(process.env.INTERVALS_CAMPAIGN_SEED ?? 20260519);
const SCHEDULES = Number(process.env.INTERVALS_CAMPAIGN_SCHEDULES ?? 1000);
const ONLY = process.env.INTERVALS_CAMPAIGN_ONLY === undefined ? undefined : Number(process.env.INTERVALS_CAMPAIGN_ONLY);

describe('Fault campaign', function () {
  this.timeout(120_000);

  it(`keeps every entry exactly once and every timer's time, over ${ONLY !== undefined ? `schedule ${ONLY}` : `${SCHEDULES} schedules`} (seed ${SEED})`, async () => {
    const report = await runCampaign({ seed: SEED, schedules: SCHEDULES, ...(ONLY !== undefined ? { only: ONLY } : {}) });
    console.log(`      ${describeCampaign(report)}`);
    const shown = report.failures.slice(0, 3).map(
      (failure) =>
        `schedule ${failure.schedule} (INTERVALS_CAMPAIGN_SEED=${SEED} INTERVALS_CAMPAIGN_ONLY=${failure.schedule}):\n  ` +
        `${failure.broken.join('\n  ')}\n  steps: ${failure.log.join(' | ')}`,
    );
    assert.equal(report.failures.length, 0, `${report.failures.length} schedule(s) broke an invariant:\n${shown.join('\n')}`);
    if (ONLY === undefined) {
      assert.ok(report.schedules >= 500 || SCHEDULES < 500, 'at least 500 schedules in CI');
    }
  });
});
