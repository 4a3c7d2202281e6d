import { DemoClock, Story, runTimeline } from './timeline';

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 14));

describe('the demo timeline', () => {
  it('runs the stories as one history, in the order of their dates, moving the clock forward to each', async () => {
    const clock = new DemoClock(day(1));
    const written: string[] = [];
    const story = (name: string, days: number[]): Story => ({
      name,
      run: async (at) => {
        for (const d of days) {
          await at(day(d));
          written.push(`${name}@${clock.now().getUTCDate()}`);
        }
      },
    });
    await runTimeline([story('a', [2, 5, 9]), story('b', [3, 4, 10]), story('c', [5])], async (to) => clock.set(to));
    // Two steps on one date: the one that started waiting first goes first.
    expect(written).toEqual(['a@2', 'b@3', 'b@4', 'c@5', 'a@5', 'a@9', 'b@10']);
  });

  it("stops at a story's failure and names the story", async () => {
    const clock = new DemoClock(day(1));
    const failing: Story = {
      name: 'an appeal',
      run: async (at) => {
        await at(day(3));
        throw new Error('POST /applications/x/appeals answered 409');
      },
    };
    const later = jest.fn();
    const other: Story = { name: 'later', run: (at) => at(day(4)).then(later) };
    await expect(runTimeline([failing, other], async (to) => clock.set(to))).rejects.toThrow(
      'demo story "an appeal": POST /applications/x/appeals answered 409',
    );
    expect(later).not.toHaveBeenCalled();
  });

  it('never moves the clock back', () => {
    const clock = new DemoClock(day(5));
    expect(() => clock.set(day(4))).toThrow(/cannot go back/);
    clock.set(day(6));
    expect(clock.now()).toEqual(day(6));
  });
});
