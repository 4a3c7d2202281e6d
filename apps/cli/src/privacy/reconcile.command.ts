import { Command, CommandRunner } from 'nest-commander';
import { EventLog } from '@cert/event-store';
import { SubjectKeys, replayErasures } from '@cert/privacy';

/**
 * docs/DOMAIN.md, Erasure: after restoring keys.sqlite from a backup, erasures recorded in the log since that backup must be made
 * again, or the erased people's keys are back. Replays every SubjectErased, and every RecordOfReasonsShredded (a
 * record of reasons at the end of its retention), against the key store.
 */
@Command({
  name: 'privacy:reconcile',
  description: 'destroy again the keys of every erasure and shredded record of reasons in the log (after restoring the key store)',
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
    console.log(`${erasures} erasure(s) and shredding(s) in the log; ${keysDestroyed} key(s) were back and are destroyed again`);
    if (keysDestroyed > 0) console.log('rebuild the read models now: projections:rebuild --swap');
  }
}
