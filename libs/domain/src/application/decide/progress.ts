import { InvalidState } from '../../errors';
import { addDays, isPast } from '../../time';
import { policyByVersion } from '../../decision/decision-policy';
import { rubricByVersion } from '../../rubric/rubric-catalog';
import { SubmitProgressUpdate } from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application } from '../application.state';
import { pins, requireApplicant, requireCompleteRatings, requireOpen } from './guards';

// Seed 003: "record and update progress ... yearly". A late update reinstates a suspended designation.
export const submitProgressUpdate = ({ data, metadata }: SubmitProgressUpdate, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireApplicant(metadata.actor, app);
  if (!app.designation) throw new InvalidState('progress.no_designation', app.status);
  const ratings = requireCompleteRatings(rubricByVersion(app.rubricVersion), {}, data.ratings, 'progress');
  const { progressDueAt, status } = app.designation;
  const interval = policyByVersion(app.policyVersion).progressIntervalDays;
  // On time keeps the yearly rhythm; a late update starts a new year from today.
  const nextDueAt = isPast(progressDueAt, metadata.now) ? addDays(metadata.now, interval) : addDays(progressDueAt, interval);
  const submitted: ApplicationEvent = {
    type: 'ProgressUpdateSubmitted',
    data: { ...pins(app), ratings, progressDueAt, nextDueAt, submittedAt: metadata.now },
  };
  return status === 'suspended' ? [submitted, { type: 'DesignationReinstated', data: { ...pins(app), reinstatedAt: metadata.now } }] : [submitted];
};
