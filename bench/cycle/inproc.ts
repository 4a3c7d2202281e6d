import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { loadConfig } from '@cert/config';
import { AssignReviewersCommand, DecideApplicationCommand, SubmitSurveyCommand } from '@cert/commands';
import { Actor } from '@cert/domain';
import { EventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { LogRunner } from '@cert/projections';
import { ApiModule } from '../../apps/api/src/api.module';
import { cpuWindow } from '../lib/cpu';
import { Progress, log } from '../lib/progress';
import { Figure, Latencies, LatencySummary, figure, now } from '../lib/stats';
import { CODES, COMMANDS_PER_CYCLE, CYCLE_STEPS, DECISION, REVIEWER_PROFILES, ratingFor, scoresFor, surveyFor } from './cycle-data';

export const INPROC_WINDOW = 100;

type Slot = { app: number; step: number; id: string | null; applicant: Actor };

export type InprocRun = {
  applications: number;
  commands: number;
  seconds: number;
  applicationsPerSec: number;
  commandsPerSec: number;
  perCommand: Record<string, LatencySummary>;
  lagEventsAtEnd: number;
  catchUpMs: number;
  events: number;
  cpuMsPerCommand: number;
  otherCores: number;
};

export type InprocResult = {
  config: { applications: number; runs: number; window: number; commandsPerCycle: number; durability: string };
  applicationsPerSec: Figure;
  commandsPerSec: Figure;
  perCommand: Record<string, { p50Ms: Figure; p99Ms: Figure; n: number }>;
  lagEventsAtEnd: Figure;
  catchUpMs: Figure;
  eventsPerApplication: number;
  cpuMsPerCommand: Figure;
  otherCores: Figure;
};

/**
 * Part 2, in process: the real ApiModule (embedded shape: write side, log runner, work side) as a Nest application
 * context without HTTP; commands go through the CommandBus to the real handlers and deciders. A window of open
 * applications is worked round-robin; after each command the loop yields to the event loop, as a server does
 * between requests, so the log runner's polling runs alongside. At the end: how far the read models are behind
 * the log, and how long they take to catch up.
 */
export async function runInproc(dataDir: string, applications: number, runs: number): Promise<InprocResult> {
  const results: InprocRun[] = [];
  for (let run = 1; run <= runs; run++) {
    const dir = join(dataDir, `inproc-${run}`);
    rmSync(dir, { recursive: true, force: true });
    results.push(await oneRun(dir, applications, `part 2 in-process run ${run}/${runs}`, `r${run}`));
    rmSync(dir, { recursive: true, force: true });
  }
  const perCommand: InprocResult['perCommand'] = {};
  for (const name of new Set<string>(CYCLE_STEPS)) {
    perCommand[name] = {
      p50Ms: figure(results.map((r) => r.perCommand[name].p50)),
      p99Ms: figure(results.map((r) => r.perCommand[name].p99)),
      n: results[0].perCommand[name].n,
    };
  }
  return {
    config: {
      applications,
      runs,
      window: INPROC_WINDOW,
      commandsPerCycle: COMMANDS_PER_CYCLE,
      durability: 'SQLITE_SYNCHRONOUS=FULL (default)',
    },
    applicationsPerSec: figure(results.map((r) => r.applicationsPerSec)),
    commandsPerSec: figure(results.map((r) => r.commandsPerSec)),
    perCommand,
    lagEventsAtEnd: figure(results.map((r) => r.lagEventsAtEnd)),
    catchUpMs: figure(results.map((r) => r.catchUpMs)),
    eventsPerApplication: results[0].events / applications,
    cpuMsPerCommand: figure(results.map((r) => r.cpuMsPerCommand)),
    otherCores: figure(results.map((r) => r.otherCores)),
  };
}

async function oneRun(dir: string, applications: number, label: string, tag: string): Promise<InprocRun> {
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://bench.local',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.local',
  });
  const app: INestApplicationContext = await NestFactory.createApplicationContext(ApiModule.forRoot(config), { logger: false });
  try {
    const bus = app.get(CommandBus);
    const identity = app.get(IdentityStore);
    const runner = app.get(LogRunner);
    const store = app.get(EventStore);
    const reviewers = await Promise.all(
      REVIEWER_PROFILES.slice(0, 2).map((p) =>
        identity.createUser({ email: p.email, name: p.email, role: 'reviewer', institution: p.institution, region: p.region }),
      ),
    );
    const staff: Actor = { id: 'bench-staff', role: 'staff' };
    const board: Actor = { id: 'bench-board', role: 'board' };
    const reviewerActors: Actor[] = reviewers.map((r) => ({ id: r.id, role: 'reviewer', email: r.email }));
    const applicantOf = (n: number): Actor => ({
      id: `bench-applicant-${tag}-${n}`,
      role: 'applicant',
      email: `leader-${tag}-${n}@school.bench`,
    });

    const lat = new Map<string, Latencies>([...new Set<string>(CYCLE_STEPS)].map((s) => [s, new Latencies()]));
    const total = applications * COMMANDS_PER_CYCLE;
    const progress = new Progress(label, total, 'commands');
    const slots: Slot[] = [];
    let nextApp = 0;
    const open = () => {
      const n = nextApp++;
      return { app: n, step: 0, id: null, applicant: applicantOf(n) };
    };
    while (slots.length < INPROC_WINDOW && nextApp < applications) slots.push(open());

    const commandOf = (s: Slot) => {
      const step = CYCLE_STEPS[s.step];
      const id = s.id!;
      switch (s.step) {
        case 0:
          return new SubmitSurveyCommand(surveyFor(tag, s.app, s.applicant.email!), false, s.applicant);
        case 1:
          return new DecideApplicationCommand(id, { type: 'AcceptSurvey', data: {} }, staff);
        case 18:
          return new DecideApplicationCommand(id, { type: 'SubmitAssessment', data: { ratings: [] } }, s.applicant);
        case 19:
          return new AssignReviewersCommand(id, { mode: 'manual', reviewerIds: reviewers.map((r) => r.id) }, staff);
        case 20:
          return new DecideApplicationCommand(
            id,
            { type: 'SubmitScores', data: { scores: scoresFor(s.app, 0), recommendation: 'CharterMembership' } },
            reviewerActors[0],
          );
        case 21:
          return new DecideApplicationCommand(
            id,
            { type: 'SubmitScores', data: { scores: scoresFor(s.app, 1), recommendation: 'CharterMembership' } },
            reviewerActors[1],
          );
        case 22:
          return new DecideApplicationCommand(id, { type: 'RecordDecision', data: DECISION }, board);
        default:
          if (step !== 'SaveAssessmentDraft') throw new Error(`unexpected step ${s.step}`);
          return new DecideApplicationCommand(
            id,
            { type: 'SaveAssessmentDraft', data: { ratings: [ratingFor(s.app, s.step - 2)] } },
            s.applicant,
          );
      }
    };
    if (CODES.length !== 16 || COMMANDS_PER_CYCLE !== 23) throw new Error('the IC Map no longer has 16 indicators: review the cycle');

    let i = 0;
    let done = 0;
    const cpu = cpuWindow({ self: process.pid });
    const start = now();
    while (slots.length > 0) {
      const slot = slots[i];
      const command = commandOf(slot);
      const t0 = now();
      const result = await bus.execute<{ applicationId: string; events: string[] }>(command as never);
      lat.get(CYCLE_STEPS[slot.step])!.add(now() - t0);
      if (result.events.length === 0) throw new Error(`${CYCLE_STEPS[slot.step]} on application ${slot.app} decided nothing`);
      if (slot.step === 0) slot.id = result.applicationId;
      done++;
      if ((done & 255) === 0) progress.tick(done);
      if (++slot.step === COMMANDS_PER_CYCLE) {
        if (nextApp < applications) slots[i++] = open();
        else slots.splice(i, 1);
      } else {
        i++;
      }
      if (i >= slots.length) i = 0;
      // Between requests a server returns to the event loop: timers (the log runner's polling) run here.
      await yieldToLoop();
    }
    const seconds = (now() - start) / 1000;
    const used = cpu.stop();
    progress.done(done);

    const head = await store.head().then((h) => h?.position ?? null);
    const checkpoint = runner.checkpoint();
    const lagEventsAtEnd = head === null ? 0 : Number(BigInt(head) - BigInt(checkpoint ?? 0));
    const c0 = now();
    for (;;) {
      await runner.catchUp();
      const { behind } = await runner.lag();
      if (!behind) break;
    }
    const catchUpMs = now() - c0;
    const events = Number(head ?? 0);
    log(
      `${label}: ${(applications / seconds).toFixed(1)} applications/s, ${(done / seconds).toFixed(0)} commands/s; lag at end ${lagEventsAtEnd} events, caught up in ${catchUpMs.toFixed(0)} ms; CPU ${((used.cores.self * used.seconds * 1000) / done).toFixed(2)} ms/command, other load ${used.otherCores.toFixed(2)} cores`,
    );
    return {
      applications,
      commands: done,
      seconds,
      applicationsPerSec: applications / seconds,
      commandsPerSec: done / seconds,
      perCommand: Object.fromEntries([...lat].map(([k, v]) => [k, v.summary()])),
      lagEventsAtEnd,
      catchUpMs,
      events,
      cpuMsPerCommand: (used.cores.self * used.seconds * 1000) / done,
      otherCores: used.otherCores,
    };
  } finally {
    await app.close();
  }
}
