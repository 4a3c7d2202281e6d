import { VersionConflict } from '@cert/event-store';
import { openSubject } from './open-subject';
import { SubjectId } from './subjects';
import { Refused, STEPS, commandFor } from './workload';

/**
 * Phase 4, one writer process (started by race.ts from dist/): opens its own connection, says ready, waits for
 * "go", then runs the same 14 commands on the same streams step by step. On a version conflict it reloads and
 * re-decides; "already applied" means the other writer did it.
 */
export type RaceArgs = { subject: SubjectId; path: string; firstApp: number; streams: number };
export type RaceReport = { appends: number; conflicts: number; alreadyApplied: number; notAllowedYet: number; retries: number; ms: number };

const MAX_ATTEMPTS = 1000;

async function main() {
  const args = JSON.parse(process.argv[2]) as RaceArgs;
  const subject = await openSubject(args.subject, args.path);
  const report: RaceReport = { appends: 0, conflicts: 0, alreadyApplied: 0, notAllowedYet: 0, retries: 0, ms: 0 };
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.send!({ ready: true });
  });
  const start = performance.now();
  for (let step = 1; step <= STEPS; step++) {
    for (let s = 0; s < args.streams; s++) {
      const cmd = commandFor(args.firstApp + s, step);
      for (let attempt = 1; ; attempt++) {
        if (attempt > MAX_ATTEMPTS) throw new Error(`step ${step} of application ${cmd.app}: no progress after ${MAX_ATTEMPTS} attempts`);
        try {
          const pending = subject.command(cmd);
          if (pending) await pending;
          report.appends++;
          break;
        } catch (err) {
          if (err instanceof VersionConflict) {
            report.retries++;
            continue; // reload and re-decide
          }
          if (err instanceof Refused && err.reason === 'already_applied') {
            report.alreadyApplied++;
            break;
          }
          if (err instanceof Refused) {
            // Cannot happen when steps are taken in order; counted (and retried) rather than hidden.
            report.notAllowedYet++;
            continue;
          }
          throw err;
        }
      }
    }
  }
  report.ms = performance.now() - start;
  // Conflicts as the store saw them: handle() retries some internally before the writer sees one.
  report.conflicts = subject.conflicts;
  await subject.close();
  process.send!({ report }, () => process.exit(0));
}

main().catch((err) => {
  process.stderr.write(`race writer failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
