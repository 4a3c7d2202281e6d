import { Forbidden } from '../errors';
import type { RecordAward } from '../application/application.commands';
import type { ApplicationEvent } from '../application/application.events';
import type { Application } from '../application/application.state';
import { pins, requireOpen } from '../application/decide/guards';

/**
 * The award recorded on the leader's record. The award cycle's reactor asks for it once the board has selected the
 * recipient (the board's selection is the award; the summit is where it is presented, and a recipient who cannot
 * attend keeps it). A repeated request for the same cycle records nothing.
 */
export const recordAward = ({ data, metadata }: RecordAward, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  if (metadata.actor.role !== 'system' && metadata.actor.role !== 'staff') {
    throw new Forbidden('award.not_allowed', 'awards are recorded by the award cycle, not by hand');
  }
  if ((app.awards ?? []).some((a) => a.awardCycleId === data.awardCycleId)) return [];
  return [
    {
      type: 'AwardRecorded',
      data: { ...pins(app), awardCycleId: data.awardCycleId, year: data.year, award: data.award, recordedAt: metadata.now },
    },
  ];
};
