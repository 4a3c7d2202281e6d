import type { SignedCheckpoint } from '@cert/domain';
import { Witness } from '../witness';

const checkpoint = (position: string, signature = `sig-${position}`): SignedCheckpoint => ({
  position,
  globalHash: 'a'.repeat(64),
  at: '2026-03-02T09:00:00.000Z',
  keyId: 'b'.repeat(64),
  after: null,
  hashes: ['c'.repeat(64)],
  signature,
});

/**
 * What every witness adapter promises (docs/ARCHITECTURE.md, Checkpoints and the witness): what was appended reads back
 * whole and in order, survives reopening, and a later append never changes an earlier entry. `reopen` opens the same
 * witness again, as another process or a restart would.
 */
export function itBehavesLikeAWitness(name: string, open: () => Promise<{ witness: Witness; reopen: () => Witness; cleanup: () => void }>) {
  describe(`${name} (witness contract)`, () => {
    let ctx: Awaited<ReturnType<typeof open>>;
    beforeEach(async () => {
      ctx = await open();
    });
    afterEach(() => ctx.cleanup());

    it('given nothing appended, reads nothing', async () => {
      expect(await ctx.witness.read()).toEqual([]);
    });

    it('given checkpoints appended, reads them back whole, in order, with their line numbers', async () => {
      await ctx.witness.append(checkpoint('10'));
      await ctx.witness.append(checkpoint('20'));
      expect(await ctx.witness.read()).toEqual([
        { line: 1, checkpoint: checkpoint('10') },
        { line: 2, checkpoint: checkpoint('20') },
      ]);
    });

    it('given a reopen (another process, a restart), still holds every checkpoint and appends after them', async () => {
      await ctx.witness.append(checkpoint('10'));
      const again = ctx.reopen();
      await again.append(checkpoint('20'));
      expect((await again.read()).map((e) => ('checkpoint' in e ? e.checkpoint.position : null))).toEqual(['10', '20']);
    });

    it('never changes an earlier entry when appending: the same checkpoint twice is two entries', async () => {
      await ctx.witness.append(checkpoint('10'));
      await ctx.witness.append(checkpoint('10'));
      expect(await ctx.witness.read()).toHaveLength(2);
    });
  });
}
