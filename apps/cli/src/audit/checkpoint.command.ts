import { Command, CommandRunner } from 'nest-commander';
import { CheckpointMaker, CheckpointSigner, Witness } from '@cert/audit';

/**
 * docs/DOMAIN.md, What auditors need: signs a checkpoint of the log up to its head now (the work side makes them every
 * CHECKPOINT_EVERY events and daily), records it in the log and the witness, and prints it to keep elsewhere too.
 */
@Command({ name: 'audit:checkpoint', description: 'sign a checkpoint of the log now, into the log and the witness' })
export class CheckpointCommand extends CommandRunner {
  constructor(
    private readonly maker: CheckpointMaker,
    private readonly signer: CheckpointSigner,
    private readonly witness: Witness,
  ) {
    super();
  }

  async run(): Promise<void> {
    const made = await this.maker.makeNow();
    if (made.length === 0) {
      const latest = await this.maker.latest();
      console.log(
        latest
          ? `nothing appended since the latest checkpoint (position ${latest.position}, signed ${latest.at}): none made`
          : 'the log is empty: no checkpoint made',
      );
      return;
    }
    for (const c of made) console.log(`checkpoint signed: position ${c.position}, global hash ${c.globalHash}, ${c.at}, key ${c.keyId}`);
    console.log(`recorded in the log and in the witness ${this.witness.where}; key ${this.signer.path}`);
  }
}
