import PDFDocument from 'pdfkit';
import { APPLICATION_STATUS, ApplicationStatus, OUTCOME_NAMES, Outcome } from '@cert/domain';
import type { DecisionReport } from '@cert/contracts';
import { when } from './state-words';

const outcome = (o: string) => OUTCOME_NAMES[o as Outcome] ?? o;

/** docs/DOMAIN.md, What auditors need: the latest signed checkpoint of the whole log, to check this report against later. */
export const checkpointLine = (c: DecisionReport['checkpoint']): string =>
  c
    ? `Latest signed checkpoint of the log: position ${c.position}, global hash ${c.globalHash}, signed ${when(c.at)} with key ${c.keyId}.`
    : 'No signed checkpoint of the log yet.';

/** The decision report as a PDF: the same content as the JSON report, for people, who are named (docs/DOMAIN.md, Names). */
export function decisionReportPdf(report: DecisionReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: {
      Title: `Decision report ${report.application.reference}`,
      Author: 'IASL certification engine',
      CreationDate: new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { application: app, decision, recommendation, reproduction, verification } = report;
  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(9).moveDown(0.3);
  const line = (text: string) => doc.text(text);

  doc.font('Helvetica-Bold').fontSize(16).text(`Decision report ${app.reference}`);
  doc.font('Helvetica').fontSize(9).text(`${app.leaderName}, ${app.institution}.`);
  const status = APPLICATION_STATUS[app.status as ApplicationStatus]?.label ?? app.status;
  line(`Status: ${status}. Rubric ${app.rubricVersion}, decision policy ${app.policyVersion}. Generated ${when(report.generatedAt)}.`);

  heading('Integrity');
  line(
    verification.ok
      ? `Hash chain verified over ${verification.events} events; stream head hash ${verification.headHash}.`
      : `HASH CHAIN BROKEN: ${verification.problem?.reason} at version ${verification.problem?.version}: ${verification.problem?.detail}`,
  );
  line(checkpointLine(report.checkpoint));
  if (reproduction) {
    line(
      reproduction.reproduced
        ? "Recomputed from the recorded inputs and from the reviewers' scores under the pinned versions: reproduced."
        : `NOT REPRODUCED: ${reproduction.differences.map((d) => `v${d.version} ${d.field}: recorded ${JSON.stringify(d.recorded)}, recomputed ${JSON.stringify(d.recomputed)}`).join('; ')}`,
    );
    for (const c of reproduction.checks) {
      if (!c.decision) continue;
      const d = c.decision;
      line(
        `Decision of ${when(d.decidedAt)}${d.appealOf ? ' (on appeal)' : ''}: recommendation recomputed from the recorded inputs ` +
          `${outcome(c.fromRecordedInputs.outcome)}; recorded decision ${outcome(d.outcome)}, by ${d.decidedBy.name}; the board ` +
          (d.verdict === 'followed'
            ? 'followed the recommendation.'
            : `overruled it. Justification: ${d.justification ?? '(none recorded)'}`),
      );
    }
  }

  heading('Decision');
  if (recommendation)
    line(
      `Engine recommendation: ${outcome(recommendation.outcome)}, computed ${when(recommendation.computedAt)} by the engine ` +
        `(policy ${app.policyVersion}). Rule that fired: ${recommendation.rule}.`,
    );
  if (decision) {
    line(`Board decision: ${outcome(decision.outcome)}, by ${decision.decidedByName} at ${when(decision.decidedAt)}.`);
    line(
      decision.overruled
        ? `Overruled the recommendation (${outcome(decision.recommendation)}). Justification: ${decision.justification}`
        : 'Followed the recommendation.',
    );
    line(
      `Appeal window until ${when(decision.appealUntil)}${decision.final ? ' (closed: final)' : ''}.${decision.progressDueAt ? ` Progress update due ${when(decision.progressDueAt)}.` : ''}`,
    );
  } else {
    line('No decision recorded yet.');
  }

  // docs/DOMAIN.md, Personal data and the record of reasons: whether the reasons above still read, and until when.
  heading('Record of reasons');
  const record = report.recordOfReasons;
  line(record.until);
  if (record.counts.erasedWithPerson > 0)
    line(
      `${record.counts.erasedWithPerson} reason(s) read [erased]: erased with the applicant (or a reviewer) before reasons were kept apart.`,
    );
  if (record.counts.shredded > 0) line(`${record.counts.shredded} reason(s) read [erased]: shredded at the end of the retention.`);
  line(record.why);

  heading('Scores by indicator and reviewer');
  if (report.reviewerNaming.note) line(report.reviewerNaming.note);
  const reviewerIds = report.reviewers.map((r) => r.reviewerId);
  doc.fontSize(7).table({
    defaultStyle: { padding: 2 },
    data: [
      ['Indicator', ...report.reviewers.map((r) => r.name), 'Ruling', 'Consensus'],
      ...report.scores.map((s) => [
        s.indicator,
        ...reviewerIds.map((id) => String(s.levels[id] ?? '')),
        s.ruling === null ? '' : String(s.ruling),
        s.consensus === null ? '' : String(s.consensus),
      ]),
    ],
  });
  doc.fontSize(9);
  report.reviewers.forEach((r) =>
    line(`${r.name}: ${r.purpose}, ${r.status}${r.recommendation ? `, recommended ${outcome(r.recommendation)}` : ''}.`),
  );
  for (const a of report.adjudications) {
    line(
      `Adjudication by ${a.method === 'board-ruling' ? 'board ruling' : 'extra reviewer'} (${a.byName}, ${when(a.at)}): ${a.rulings.map((r) => `${r.indicator} at level ${r.level}`).join(', ')}${a.justification ? `. Justification: ${a.justification}` : ''}`,
    );
  }

  heading('Deadlines and extensions');
  for (const d of report.deadlines)
    line(`${d.what}: due ${when(d.dueAt)} (set ${when(d.setAt)} by ${d.byName})${d.note ? `, ${d.note}` : ''}`);

  heading('Timeline');
  doc.fontSize(7).table({
    defaultStyle: { padding: 2 },
    columnStyles: [24, 90, 90, '*'],
    data: [
      ['v', 'When', 'Who', 'What (versions)'],
      ...report.timeline.map((t) => [String(t.version), when(t.occurredAt), t.actorName, `${t.summary} [${t.versions}]`]),
    ],
  });
  doc.fontSize(9).end();
  return done;
}
