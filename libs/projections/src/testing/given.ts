import { ApplicationCommand, ApplicationEvent, applicationDecider, applicationStream } from '@cert/domain';
import { EventStore, RecordedEvent, handle } from '@cert/event-store';
import { Projection, applyEvent, createSchema } from '../projection';
import { SqliteReadDb } from '../read-db';

/** The same command for another application: fixtures all use one APP_ID, specs often need several. */
export const forApp = (applicationId: string, command: ApplicationCommand): ApplicationCommand =>
  command.type === 'SubmitSurvey' ? { ...command, data: { ...command.data, applicationId } } : command;

/**
 * A log built through the real decider, without a store: each command is decided against its application's
 * history and its events recorded with the command's actor and time, as handle() would record them.
 */
export const logBuilder = () => {
  const log: RecordedEvent<ApplicationEvent>[] = [];
  const run = (applicationId: string, ...commands: ApplicationCommand[]): RecordedEvent<ApplicationEvent>[] =>
    commands.flatMap((command) => {
      const history = log.filter((e) => e.data.applicationId === applicationId);
      const state = history.reduce(applicationDecider.evolve, applicationDecider.initialState());
      const events = applicationDecider.decide(forApp(applicationId, command), state);
      const recorded = events.map((event, i) => ({
        ...event,
        id: `evt-${log.length + i + 1}`,
        streamId: applicationStream(applicationId),
        version: history.length + i + 1,
        position: String(log.length + i + 1),
        schemaVersion: 1,
        metadata: {
          actorId: command.metadata.actor.id,
          actorRole: command.metadata.actor.role,
          occurredAt: command.metadata.now,
          correlationId: `corr-${log.length + 1}`,
          causationId: null,
        },
      })) as RecordedEvent<ApplicationEvent>[];
      log.push(...recorded);
      return recorded;
    });
  return { log, run };
};

/** A fresh in-memory read db with the projections' tables, and a way to feed it events. */
export const readModel = (projections: Projection[]) => {
  const db = SqliteReadDb.open(':memory:').db;
  createSchema(db, projections);
  const apply = (events: RecordedEvent[]) => db.transaction(() => events.forEach((e) => applyEvent(db, projections, e)))();
  return { db, apply };
};

/** Runs fixture commands through the one write path into a real store (for runner and rebuild specs). */
export const runCommands = async (store: EventStore, applicationId: string, ...commands: ApplicationCommand[]) => {
  let position: string | null = null;
  for (const command of commands) {
    const result = await handle(store, applicationStream(applicationId), applicationDecider, forApp(applicationId, command), {
      actorId: command.metadata.actor.id,
      actorRole: command.metadata.actor.role,
      now: command.metadata.now,
    });
    position = result.position ?? position;
  }
  return position;
};
