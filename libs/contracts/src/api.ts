import type { DecisionPolicy, Rubric } from '@cert/domain';
import type {
  ApplicantListItem,
  ApplicationList,
  ApplicationReadView,
  ApplicationSummaryView,
  AssessmentItemView,
  GrowthReportView,
  TimelineView,
} from './application';
import type {
  AuditExport,
  AuditHeadView,
  CheckpointsView,
  AuditReviewerView,
  DecisionReport,
  HistoryEntry,
  LogVerdict,
  RebuildCheckView,
  Reproduction,
  StateAsOf,
  StreamVerdict,
} from './audit';
import type { CsrfTokenView, SessionResponse, SessionUser } from './auth';
import type { AwardCycleDetailView, AwardCycleList, LeaderNominationView } from './awards';
import type { BoardItemView } from './decision';
import type { CredentialVerificationView, CredentialWalletView, JsonLdDocument } from './credentials';
import type { DirectoryListingView, DirectoryPageView } from './directory';
import type { FeedView } from './notifications';
import type { HealthView } from './operations';
import type { PersonResult, PersonView } from './people';
import type { Problem } from './problem';
import type { RecordOfReasonsView } from './privacy';
import type { ConfirmationAssignmentView, ProgressView, RenewalHistoryView } from './progress';
import type { ConflictView, CycleSettingsView, OwnAssignmentView, ReviewerPoolEntry, ScoresView } from './review';
import type {
  AwardCycleResult,
  CommandResult,
  ConflictResult,
  CycleResult,
  ErasureReport,
  NotificationReadResult,
  NotificationsReadResult,
  RenewalResult,
  SurveyResult,
} from './writes';
import type { EvidenceItemView, EvidencePolicyView, EvidenceResult } from './evidence';
import type { ApplicationScheduleView, WorkOverviewView } from './schedule';

/**
 * Every body the API answers, by the name a route gives it (`@Operation` in apps/api/src/http/operation.decorator.ts,
 * which holds the route's return type to it). /docs takes the schemas from this map, generated into
 * response-schemas.json (`npm run contracts:schemas`).
 */
export type ResponseBodies = {
  ApplicantListItem: ApplicantListItem;
  ApplicationList: ApplicationList;
  ApplicationReadView: ApplicationReadView;
  ApplicationScheduleView: ApplicationScheduleView;
  ApplicationSummaryView: ApplicationSummaryView;
  AssessmentItemView: AssessmentItemView;
  AuditExport: AuditExport;
  AuditHeadView: AuditHeadView;
  CheckpointsView: CheckpointsView;
  AuditReviewerView: AuditReviewerView;
  AwardCycleDetailView: AwardCycleDetailView;
  AwardCycleList: AwardCycleList;
  AwardCycleResult: AwardCycleResult;
  BoardItemView: BoardItemView;
  CommandResult: CommandResult;
  CredentialVerificationView: CredentialVerificationView;
  CredentialWalletView: CredentialWalletView;
  JsonLdDocument: JsonLdDocument;
  ConfirmationAssignmentView: ConfirmationAssignmentView;
  ConflictResult: ConflictResult;
  ConflictView: ConflictView;
  CsrfTokenView: CsrfTokenView;
  CycleResult: CycleResult;
  CycleSettingsView: CycleSettingsView;
  DecisionPolicy: DecisionPolicy;
  DecisionReport: DecisionReport;
  DirectoryListingView: DirectoryListingView;
  DirectoryPageView: DirectoryPageView;
  ErasureReport: ErasureReport;
  EvidenceItemView: EvidenceItemView;
  EvidencePolicyView: EvidencePolicyView;
  EvidenceResult: EvidenceResult;
  FeedView: FeedView;
  GrowthReportView: GrowthReportView;
  HealthView: HealthView;
  HistoryEntry: HistoryEntry;
  LeaderNominationView: LeaderNominationView;
  LogVerdict: LogVerdict;
  NotificationReadResult: NotificationReadResult;
  NotificationsReadResult: NotificationsReadResult;
  OwnAssignmentView: OwnAssignmentView;
  PersonResult: PersonResult;
  PersonView: PersonView;
  Problem: Problem;
  ProgressView: ProgressView;
  RebuildCheckView: RebuildCheckView;
  RecordOfReasonsView: RecordOfReasonsView;
  RenewalHistoryView: RenewalHistoryView;
  RenewalResult: RenewalResult;
  Reproduction: Reproduction;
  ReviewerPoolEntry: ReviewerPoolEntry;
  Rubric: Rubric;
  ScoresView: ScoresView;
  SessionResponse: SessionResponse;
  SessionUser: SessionUser;
  StateAsOf: StateAsOf;
  StreamVerdict: StreamVerdict;
  SurveyResult: SurveyResult;
  TimelineView: TimelineView;
  WorkOverviewView: WorkOverviewView;
};
