import type { RecordedEvent } from '@cert/event-store';
import { dailyCheckpointJobs } from './checkpoints.reactor';

const event = (type: string, occurredAt: string) => ({ type, metadata: { occurredAt } }) as unknown as RecordedEvent;

describe('the daily checkpoint timer', () => {
  it('given events on two days, sets one timer per day, due at the next midnight UTC', () => {
    const jobs = dailyCheckpointJobs([
      event('SurveySubmitted', '2026-03-02T09:00:00.000Z'),
      event('SurveyAccepted', '2026-03-02T23:59:59.000Z'),
      event('ReviewerAssigned', '2026-03-03T00:00:01.000Z'),
    ]);
    expect(jobs).toEqual([
      { queue: 'deadlines', name: 'CheckpointDue', jobId: 'checkpoint-due-20260303', data: {}, runAt: '2026-03-03T00:00:00.000Z' },
      { queue: 'deadlines', name: 'CheckpointDue', jobId: 'checkpoint-due-20260304', data: {}, runAt: '2026-03-04T00:00:00.000Z' },
    ]);
  });

  it('given only checkpoints appended, sets no timer (nothing new to sign)', () => {
    expect(dailyCheckpointJobs([event('CheckpointSigned', '2026-03-02T09:00:00.000Z')])).toEqual([]);
  });
});
