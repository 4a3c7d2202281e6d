import { Decider, assertNever } from '../decider';
import { ApplicationCommand } from './application.commands';
import { ApplicationEvent } from './application.events';
import { initialState, evolve } from './application.evolve';
import { Application } from './application.state';
import { acceptSurvey, linkNomination, claimNomination, amendSurvey, dismissDuplicate, rejectSurvey, submitSurvey } from './decide/intake';
import { expireAssessment, extendAssessmentDeadline, saveAssessmentDraft, submitAssessment } from './decide/assessment';
import { assignReviewers, releaseReviewer, saveScoresDraft, submitScores } from './decide/review';
import { recordDecision, resolveAdjudication } from './decide/recommendation';
import {
  closeAppealWindow,
  escalateOverdueReview,
  remindAssessment,
  remindProgressUpdate,
  remindReviewer,
  replaceOverdueReviewer,
  suspendDesignation,
} from './decide/deadlines';
import { recordAward } from '../award/record-award';
import { recordProgressConfirmation, requestProgressConfirmation, submitProgressUpdate } from './decide/progress';
import { concludeRenewal, expireDesignation, openRenewal, remindRenewal, startRenewal } from './decide/renewal';
import { fileAppeal, routeAppeal } from './decide/appeal';
import { addEvidenceLink, attachEvidenceDocument, removeEvidence } from './decide/evidence';
import { shredRecordOfReasons } from './decide/retention';

export const decide = (command: ApplicationCommand, state: Application): ApplicationEvent[] => {
  switch (command.type) {
    case 'SubmitSurvey':
      return submitSurvey(command, state);
    case 'LinkNomination':
      return linkNomination(command, state);
    case 'ClaimNomination':
      return claimNomination(command, state);
    case 'AmendSurvey':
      return amendSurvey(command, state);
    case 'DismissDuplicate':
      return dismissDuplicate(command, state);
    case 'AcceptSurvey':
      return acceptSurvey(command, state);
    case 'RejectSurvey':
      return rejectSurvey(command, state);
    case 'SaveAssessmentDraft':
      return saveAssessmentDraft(command, state);
    case 'SubmitAssessment':
      return submitAssessment(command, state);
    case 'ExtendAssessmentDeadline':
      return extendAssessmentDeadline(command, state);
    case 'ExpireAssessment':
      return expireAssessment(command, state);
    case 'AssignReviewers':
      return assignReviewers(command, state);
    case 'ReleaseReviewer':
      return releaseReviewer(command, state);
    case 'SaveScoresDraft':
      return saveScoresDraft(command, state);
    case 'SubmitScores':
      return submitScores(command, state);
    case 'ResolveAdjudication':
      return resolveAdjudication(command, state);
    case 'RecordDecision':
      return recordDecision(command, state);
    case 'RemindAssessment':
      return remindAssessment(command, state);
    case 'RemindReviewer':
      return remindReviewer(command, state);
    case 'EscalateOverdueReview':
      return escalateOverdueReview(command, state);
    case 'ReplaceOverdueReviewer':
      return replaceOverdueReviewer(command, state);
    case 'CloseAppealWindow':
      return closeAppealWindow(command, state);
    case 'RemindProgressUpdate':
      return remindProgressUpdate(command, state);
    case 'SuspendDesignation':
      return suspendDesignation(command, state);
    case 'SubmitProgressUpdate':
      return submitProgressUpdate(command, state);
    case 'RecordAward':
      return recordAward(command, state);
    case 'RequestProgressConfirmation':
      return requestProgressConfirmation(command, state);
    case 'RecordProgressConfirmation':
      return recordProgressConfirmation(command, state);
    case 'RemindRenewal':
      return remindRenewal(command, state);
    case 'ExpireDesignation':
      return expireDesignation(command, state);
    case 'StartRenewal':
      return startRenewal(command, state);
    case 'OpenRenewal':
      return openRenewal(command, state);
    case 'ConcludeRenewal':
      return concludeRenewal(command, state);
    case 'FileAppeal':
      return fileAppeal(command, state);
    case 'RouteAppeal':
      return routeAppeal(command, state);
    case 'AttachEvidenceDocument':
      return attachEvidenceDocument(command, state);
    case 'AddEvidenceLink':
      return addEvidenceLink(command, state);
    case 'RemoveEvidence':
      return removeEvidence(command, state);
    case 'ShredRecordOfReasons':
      return shredRecordOfReasons(command, state);
    default:
      return assertNever(command);
  }
};

export const applicationDecider: Decider<Application, ApplicationCommand, ApplicationEvent> = { decide, evolve, initialState };
