/* global process, console */
// Copies the screenshots the UI tests took (test-results/e2e/) that the README shows into
// media/screenshots/, and the walkthrough's pictures (`walkthrough-<name>`) into
// media/walkthrough/<name>.png, and the German UI's (test-results/e2e-de/). Run `npm run test:e2e` first. The .vsix leaves media/screenshots/
// out and takes media/walkthrough/.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const shots = ['welcome-signed-out', 'tasks-view', 'status-bar', 'log-time', 'my-time', 'time-report', 'time-report-tables', 'work-from-branch', 'stop-and-log-summary', 'adjust-timer', 'find-task-words', 'task-actions', 'walkthrough', 'high-contrast', 'timesheet', 'pinned-tasks'];
const walkthroughShots = ['sign-in', 'tasks', 'timer', 'log-time', 'my-time', 'start-work'];
const germanShots = ['german-welcome', 'german-tasks', 'german-log-time'];
const from = join('test-results', 'e2e');
const copies = [
  ...shots.map((name) => [name, join('media', 'screenshots', `${name}.png`)]),
  // The German UI tests (test/e2e-de) keep theirs in test-results/e2e-de/.
  ...germanShots.map((name) => [join('..', 'e2e-de', name), join('media', 'screenshots', `${name}.png`)]),
  ...walkthroughShots.map((name) => [`walkthrough-${name}`, join('media', 'walkthrough', `${name}.png`)]),
];
mkdirSync(join('media', 'screenshots'), { recursive: true });
mkdirSync(join('media', 'walkthrough'), { recursive: true });
let missing = 0;
for (const [name, target] of copies) {
  const source = join(from, `${name}.png`);
  if (!existsSync(source)) {
    console.log(`missing: ${source}`);
    missing++;
    continue;
  }
  copyFileSync(source, target);
  console.log(`${source} → ${target}`);
}
process.exit(missing > 0 ? 1 : 0);
