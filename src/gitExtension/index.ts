/**
 * The Git integration, loaded once the extension has started or on the first git command (the
 * production bundle keeps it in dist/git.js, see esbuild.mjs): a start pays nothing for it.
 */
export { BranchTaskLookup } from '../git/branchTasks';
export { taskPattern } from '../git/branchNames';
export { BranchWork } from './branchWork';
export { GitBridge } from './gitBridge';

import type { BranchTaskLookup } from '../git/branchTasks';
import type { BranchWork } from './branchWork';
import type { GitBridge } from './gitBridge';

/** The Git integration as the commands use it. */
export interface GitWork {
  readonly bridge: GitBridge;
  readonly branches: BranchWork;
  readonly lookup: BranchTaskLookup;
}
