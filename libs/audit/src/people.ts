import { ApplicationEvent, Names, References, personIdsIn } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import type { PersonName } from '@cert/contracts';

/**
 * How an audit view names what the log holds by id (docs/DOMAIN.md, Names): people through `names` (the caller
 * looks them up in the accounts when read), other applications by their reference. Without them, ids show as ids.
 */
export type Naming = { names?: Names; references?: References };

/** A person's id with their name beside it; the id itself where nobody can name them. */
export const personName = (id: string, names?: Names): PersonName => ({ id, name: names?.(id) ?? id });

/** Every person an event's data names by id, each with their name. */
export const peopleIn = (data: unknown, names?: Names): PersonName[] => personIdsIn(data).map((id) => personName(id, names));

/** The leader an application's history is about, from its survey: their applicant account carries no name of its own. */
export const leaderIn = (events: readonly RecordedEvent[]): { email: string; name: string } | null => {
  const survey = (events as RecordedEvent<ApplicationEvent>[]).find((e) => e.type === 'SurveySubmitted');
  return survey?.type === 'SurveySubmitted' ? { email: survey.data.survey.contactEmail, name: survey.data.survey.leaderName } : null;
};
