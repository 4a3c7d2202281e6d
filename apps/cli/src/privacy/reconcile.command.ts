import { Command, CommandRunner } from 'nest-commander';
import { EventLog } from '@cert/event-store';
import { SubjectKeys, replayErasures } from '@cert/privacy';

/**
 * docs/DOMAIN.md, Erasure: after restoring keys.sqlite from a backup, erasures recorded in the log since that backup must be made
 * again, or the erased people's keys are back. Replays every SubjectErased against the key store.
 */
@Command({
  name: 'privacy:reconcile',
  description: 'destroy again the keys of every erasure in the log (run after restoring the key store from a backup)',
})
export class ReconcileErasuresCommand extends CommandRunner {
  constructor(
    private readonly log: EventLog,
    private readonly keys: SubjectKeys,
  ) {
    super();
  }

  async run(): Promise<void> {
    const { erasures, keysDestroyed } = await replayErasures(this.log, this.keys);
    console.log(`${erasures} erasure(s) in the log; ${keysDestroyed} key(s) were back and are destroyed again`);
    if (keysDestroyed > 0) console.log('rebuild the read models now: projections:rebuild --swap');
  }
}
