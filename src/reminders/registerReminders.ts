import { join } from 'node:path';
import type { Services } from '../services';
import { ReminderClaims } from './reminderClaims';
import { ReminderService } from './reminderService';

/** The opt-in reminders; the returned service is disposed with the extension. */
export function registerReminders(services: Services): ReminderService {
  return new ReminderService({
    session: services.session,
    settings: services.settings,
    activeTimers: services.activeTimers,
    globalState: services.context.globalState,
    claims: new ReminderClaims(join(services.context.globalStorageUri.fsPath, 'reminders')),
    log: services.log.child('reminders'),
    schedule: services.work.scheduler('reminder check'),
    track: (label, work) => services.work.track(label, work),
  });
}
