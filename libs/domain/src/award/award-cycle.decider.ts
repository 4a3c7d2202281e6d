import { Decider, assertNever } from '../decider';
import { NotFound } from '../errors';
import { AwardCycleCommand } from './award-cycle.commands';
import { AwardCycleEvent } from './award-cycle.events';
import { evolveAwardCycle, initialAwardCycle } from './award-cycle.evolve';
import { AwardCycle, OpenCycle } from './award-cycle.state';
import { closeScoring, nominate, openCycle, scoreNomination } from './decide/nominations';
import { changeDates } from './decide/dates';
import { closeRsvp, remindRsvp, respond, selectRecipients } from './decide/selection';

const requireCycle = (state: AwardCycle, year: number): OpenCycle => {
  if (state.status === 'None') throw new NotFound('award-cycle', String(year));
  return state;
};

export const decideAwardCycle = (command: AwardCycleCommand, state: AwardCycle): AwardCycleEvent[] => {
  if (command.type === 'OpenAwardCycle') return openCycle(command, state);
  const cycle = requireCycle(state, 0);
  switch (command.type) {
    case 'NominateForAward':
      return nominate(command, cycle);
    case 'ScoreNomination':
      return scoreNomination(command, cycle);
    case 'CloseAwardScoring':
      return closeScoring(command, cycle);
    case 'ChangeAwardCycleDates':
      return changeDates(command, cycle);
    case 'SelectAwardRecipients':
      return selectRecipients(command, cycle);
    case 'RespondToSummitInvitation':
      return respond(command, cycle);
    case 'RemindSummitRsvp':
      return remindRsvp(command, cycle);
    case 'CloseSummitRsvp':
      return closeRsvp(command, cycle);
    default:
      return assertNever(command);
  }
};

export const awardCycleDecider: Decider<AwardCycle, AwardCycleCommand, AwardCycleEvent> = {
  decide: decideAwardCycle,
  evolve: evolveAwardCycle,
  initialState: initialAwardCycle,
};
