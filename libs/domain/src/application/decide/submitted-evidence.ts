import { indicatorCodes, rubricByVersion } from '../../rubric/rubric-catalog';
import { OpenApplication } from '../application.state';
import { EvidencePurpose, SubmittedEvidence } from '../application.types';

/** What is being prepared now (not yet submitted) for one purpose. */
export const preparing = (app: OpenApplication, purpose: EvidencePurpose) =>
  (app.evidence ?? []).filter((i) => i.purpose === purpose && !i.submitted);

/** What a submission names, per indicator in rubric order: the evidence prepared for it. Absent when there is none. */
export const submittedEvidence = (app: OpenApplication, purpose: EvidencePurpose): { evidence?: SubmittedEvidence[] } => {
  const items = preparing(app, purpose);
  if (items.length === 0) return {};
  const order = indicatorCodes(rubricByVersion(app.rubricVersion));
  const sorted = order.flatMap((code) => items.filter((i) => i.indicator === code));
  return { evidence: sorted.map((i) => ({ indicator: i.indicator, evidenceId: i.id, kind: i.kind, sha256: i.sha256 })) };
};
