/* global process, console */
// Copies the screenshots the UI tests took (test-results/e2e/) that the README shows into
// media/screenshots/. Run `npm run test:e2e` first. The .vsix leaves media/screenshots/ out.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const shots = ['welcome-signed-out', 'tasks-view', 'status-bar', 'log-time', 'my-time', 'time-report', 'time-report-tables', 'work-from-branch', 'stop-and-log-summary', 'adjust-timer', 'find-task-words', 'task-actions', 'high-contrast'];
const from = join('test-results', 'e2e');
const to = join('media', 'screenshots');
mkdirSync(to, { recursive: true });
let missing = 0;
for (const name of shots) {
  const source = join(from, `${name}.png`);
  if (!existsSync(source)) {
    console.log(`missing: ${source}`);
    missing++;
    continue;
  }
  copyFileSync(source, join(to, `${name}.png`));
  console.log(`${source} → ${join(to, `${name}.png`)}`);
}
process.exit(missing > 0 ? 1 : 0);
