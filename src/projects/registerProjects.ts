import * as vscode from 'vscode';
import { registerCommands } from '../commands/commandTable';
import { createProjectCommand } from '../commands/createProject';
import { createTaskCommand } from '../commands/createTask';
import { assignTaskCommand, setTaskStatusCommand } from '../commands/taskUpdates';
import { timeReportCommand } from '../commands/timeReport';
import { TimeReportPanel } from '../views/timeReport/timeReportPanel';
import type { Services } from '../services';
import type { ProjectCommandContext } from './projectCommands';

/** The project and task commands, the time report, and what the tests may replace in them. */
export class ProjectsFeature extends vscode.Disposable {
  /** "Today" for the date defaults and report ranges. */
  now: () => Date = () => new Date();
  /** The time report's page size; undefined uses the client's. Tests make it small to walk many pages. */
  timeReportPageSize: number | undefined;
  readonly timeReportPanel: TimeReportPanel;

  constructor(services: Services) {
    const holder: { registration?: vscode.Disposable } = {};
    super(() => {
      holder.registration?.dispose();
      this.timeReportPanel.dispose();
    });
    this.timeReportPanel = new TimeReportPanel(services.log.child('timeReport'));
    const context: ProjectCommandContext = {
      services,
      log: services.log.child('projects'),
      asker: services.asker,
      now: () => this.now(),
      clock: () => new Date(),
    };
    holder.registration = registerCommands([
      createProjectCommand(context),
      createTaskCommand(context),
      setTaskStatusCommand(context),
      assignTaskCommand(context),
      timeReportCommand(context, this.timeReportPanel, () => this.timeReportPageSize),
    ]);
  }
}

export function registerProjects(services: Services): ProjectsFeature {
  return new ProjectsFeature(services);
}
