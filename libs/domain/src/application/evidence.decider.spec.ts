import { deciderSpec } from '../../../testing/src/decider-spec';
import { DeadlinePassed, Forbidden, InvalidState, RuleViolation, TooLarge, UnsupportedType } from '../errors';
import { CURRENT_EVIDENCE_POLICY } from '../evidence/evidence-policy';
import { applicationDecider } from './application.decider';
import { ApplicationCommand } from './application.commands';
import { evidenceAllowance } from './decide/evidence';
import { APP_ID, CODES, DUE, T0, accepted, applicant, cmd, historyOfAfter, nominator, ratingsAt, staff } from './application.fixtures';
import { Actor } from '../decider';
import { EvidenceDocument, EvidencePurpose } from './application.types';

const given = deciderSpec(applicationDecider);
const MB = 1024 * 1024;
const pins = { applicationId: APP_ID, rubricVersion: 'ic-map.v1', policyVersion: 'decision-policy.v1' };

const doc = (id: string, o: Partial<EvidenceDocument> = {}): EvidenceDocument => ({
  documentId: id,
  name: `${id}.pdf`,
  mediaType: 'application/pdf',
  size: 1000,
  sha256: 'a'.repeat(64),
  stored: { size: 1016, sha256: 'b'.repeat(64) },
  contentKey: 'dk:v1:sealed',
  policyVersion: CURRENT_EVIDENCE_POLICY.version,
  ...o,
});
const attach = (
  id: string,
  o: {
    indicator?: string;
    document?: Partial<EvidenceDocument>;
    replaces?: string;
    purpose?: EvidencePurpose;
    now?: string;
    actor?: Actor;
  } = {},
): ApplicationCommand => ({
  type: 'AttachEvidenceDocument',
  data: {
    purpose: o.purpose ?? 'assessment',
    indicator: o.indicator ?? CODES[0],
    document: doc(id, o.document),
    ...(o.replaces ? { replaces: o.replaces } : {}),
  },
  metadata: { actor: o.actor ?? applicant, now: o.now ?? T0 },
});
const link = (id: string, url = 'https://riverside.edu/minutes', indicator = CODES[1]): ApplicationCommand => ({
  type: 'AddEvidenceLink',
  data: { purpose: 'assessment', indicator, link: { linkId: id, url, title: ' SLT minutes ' } },
  metadata: { actor: applicant, now: T0 },
});
const remove = (id: string, actor: Actor = applicant): ApplicationCommand => ({
  type: 'RemoveEvidence',
  data: { evidenceId: id },
  metadata: { actor, now: T0 },
});
const withDocs = (...commands: ApplicationCommand[]) => historyOfAfter(accepted(), ...commands);

describe('application › evidence documents and links', () => {
  it('attaches a document to an indicator of the draft, recording its hash, size, type and the policy it was checked against', () =>
    given(accepted())
      .when(attach('d1'))
      .then([
        {
          type: 'EvidenceDocumentAttached',
          data: { ...pins, purpose: 'assessment', indicator: CODES[0], document: doc('d1'), attachedBy: applicant.id, attachedAt: T0 },
        },
      ]));

  it('adds a link with its title trimmed', () =>
    given(accepted())
      .when(link('l1'))
      .then([
        {
          type: 'EvidenceLinkAdded',
          data: {
            ...pins,
            purpose: 'assessment',
            indicator: CODES[1],
            link: { linkId: 'l1', url: 'https://riverside.edu/minutes', title: 'SLT minutes' },
            addedBy: applicant.id,
            addedAt: T0,
          },
        },
      ]));

  it.each([
    ['a script', 'javascript:alert(1)'],
    ['another scheme', 'ftp://x.org/a'],
    ['no scheme', 'riverside.edu'],
    ['no host', 'https://'],
    ['an address over 2,000 characters', `https://x.org/${'a'.repeat(2000)}`],
  ])('refuses a link with %s', (_, url) => given(accepted()).when(link('l1', url)).thenThrows(RuleViolation, 'evidence.invalid_link'));

  it('attaching the same document twice changes nothing the second time', () =>
    given(withDocs(attach('d1')))
      .when(attach('d1'))
      .then([]));

  it('submits the assessment naming, per indicator in rubric order, the documents and links it goes with', () => {
    const events = given(withDocs(attach('d2', { indicator: CODES[3] }), link('l1'), attach('d1')))
      .when(cmd.submitAssessment(ratingsAt(3)))
      .thenEvents();
    expect(events[0]).toMatchObject({
      type: 'AssessmentSubmitted',
      data: {
        evidence: [
          { indicator: CODES[0], evidenceId: 'd1', kind: 'document', sha256: 'a'.repeat(64) },
          { indicator: CODES[1], evidenceId: 'l1', kind: 'link', sha256: null },
          { indicator: CODES[3], evidenceId: 'd2', kind: 'document', sha256: 'a'.repeat(64) },
        ],
      },
    });
  });

  it('submits without an evidence list when nothing was attached, as before documents existed', () => {
    const [submitted] = given(accepted())
      .when(cmd.submitAssessment(ratingsAt(3)))
      .thenEvents();
    expect(submitted.data).not.toHaveProperty('evidence');
  });

  it('removes a document of the draft; a repeated removal changes nothing', () => {
    given(withDocs(attach('d1')))
      .when(remove('d1'))
      .then([
        {
          type: 'EvidenceRemoved',
          data: {
            ...pins,
            purpose: 'assessment',
            indicator: CODES[0],
            evidenceId: 'd1',
            kind: 'document',
            removedBy: applicant.id,
            removedAt: T0,
          },
        },
      ]);
    given(withDocs(attach('d1'), remove('d1')))
      .when(remove('d1'))
      .then([]);
  });

  it('replaces a document in one event, and the replaced one leaves the submission', () => {
    const history = withDocs(attach('d1'), attach('d2', { replaces: 'd1' }));
    expect(history.at(-1)).toMatchObject({ type: 'EvidenceDocumentAttached', data: { replaces: 'd1' } });
    const [submitted] = given(history)
      .when(cmd.submitAssessment(ratingsAt(3)))
      .thenEvents();
    expect((submitted.data as { evidence: { evidenceId: string }[] }).evidence.map((e) => e.evidenceId)).toEqual(['d2']);
  });

  it('refuses to remove or replace what was submitted: it is part of the record', () => {
    const history = withDocs(attach('d1'), cmd.submitAssessment(ratingsAt(3)));
    given(history).when(remove('d1')).thenThrows(InvalidState, 'evidence.already_submitted');
  });

  it('refuses anyone but the leader named on the survey', () => {
    given(accepted())
      .when(attach('d1', { actor: nominator }))
      .thenThrows(Forbidden, 'application.not_applicant');
    given(accepted())
      .when(attach('d1', { actor: staff }))
      .thenThrows(Forbidden, 'application.not_applicant');
    given(withDocs(attach('d1')))
      .when(remove('d1', staff))
      .thenThrows(Forbidden, 'application.not_applicant');
  });

  it('refuses evidence for the assessment outside its window: before acceptance, after the due date, after submission', () => {
    given(historyOfAfter([], cmd.submitSurvey())).when(attach('d1')).thenThrows(InvalidState, 'assessment.not_open');
    given(accepted())
      .when(attach('d1', { now: DUE }))
      .thenThrows(DeadlinePassed, 'assessment.deadline_passed');
    given(withDocs(cmd.submitAssessment(ratingsAt(3))))
      .when(attach('d1'))
      .thenThrows(InvalidState, 'assessment.not_open');
  });

  it('refuses evidence for a progress update without a designation', () =>
    given(accepted())
      .when(attach('d1', { purpose: 'progress' }))
      .thenThrows(InvalidState, 'progress.no_designation'));

  it('refuses an indicator the pinned rubric does not have', () =>
    given(accepted())
      .when(attach('d1', { indicator: '../etc' }))
      .thenThrows(RuleViolation, 'evidence.unknown_indicator'));

  it('refuses a type outside the allow-list, an empty file and a file over the limit', () => {
    given(accepted())
      .when(attach('d1', { document: { mediaType: 'image/svg+xml' } }))
      .thenThrows(UnsupportedType, 'evidence.type_not_allowed');
    given(accepted())
      .when(attach('d1', { document: { size: 0 } }))
      .thenThrows(RuleViolation, 'evidence.empty_file');
    given(accepted())
      .when(attach('d1', { document: { size: 20 * MB + 1 } }))
      .thenThrows(TooLarge, 'evidence.file_too_large');
  });

  it('counts documents and links together against the limit per indicator', () => {
    const full = Array.from({ length: 20 }, (_, i) => attach(`d${i}`));
    given(withDocs(...full))
      .when(attach('d20'))
      .thenThrows(RuleViolation, 'evidence.too_many_items');
    // Another indicator has room, and a replacement takes the place of the one it replaces.
    expect(
      given(withDocs(...full))
        .when(attach('d20', { indicator: CODES[2] }))
        .thenEvents(),
    ).toHaveLength(1);
    expect(
      given(withDocs(...full))
        .when(attach('d20', { replaces: 'd3' }))
        .thenEvents(),
    ).toHaveLength(1);
  });

  it("refuses a document that would take the application's documents over their total, and says how much is left", () => {
    const big = (id: string, indicator: string) => attach(id, { indicator, document: { size: 20 * MB } });
    const nine = CODES.slice(0, 9).map((code, i) => big(`b${i}`, code));
    const allowance = evidenceAllowance(
      withDocs(...nine).reduce(applicationDecider.evolve, applicationDecider.initialState()),
      { purpose: 'assessment', indicator: CODES[9] },
      { actor: applicant, now: T0 },
    );
    expect(allowance).toEqual({ maxBytes: 20 * MB, limitedBy: 'file' });
    const ten = CODES.slice(0, 10).map((code, i) => big(`b${i}`, code));
    given(withDocs(...ten))
      .when(attach('one-more'))
      .thenThrows(TooLarge, 'evidence.application_full');
    const [replaced] = given(withDocs(...ten))
      .when(attach('smaller', { replaces: 'b0', document: { size: MB } }))
      .thenEvents();
    expect(replaced.type).toBe('EvidenceDocumentAttached');
  });

  it('keeps submitted evidence counted in the total once submitted, and starts each progress update with none prepared', () => {
    const submitted = withDocs(attach('d1'), cmd.submitAssessment(ratingsAt(3)));
    const state = submitted.reduce(applicationDecider.evolve, applicationDecider.initialState()) as { evidence?: unknown[] };
    expect(state.evidence).toEqual([expect.objectContaining({ id: 'd1', submitted: true })]);
  });
});
