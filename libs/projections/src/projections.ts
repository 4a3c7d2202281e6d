import { notificationFeedProjection } from './notification-feed/notification-feed.projection';
import { applicationSummaryProjection } from './application-summary/application-summary.projection';
import { boardQueueProjection } from './board-queue/board-queue.projection';
import { Projection } from './projection';
import { reviewerAssignmentsProjection } from './reviewer-assignments/reviewer-assignments.projection';
import { reviewSafeguardsProjection } from './review-safeguards/review-safeguards.projection';
import { progressProjection } from './progress/progress.projection';
import { directoryProjection } from './directory/directory.projection';
import { awardsProjection } from './awards/awards.projection';
import { evidenceProjection } from './evidence/evidence.projection';
import { scheduleProjection } from './schedule/schedule.projection';

export const ALL_PROJECTIONS: Projection[] = [
  applicationSummaryProjection,
  reviewerAssignmentsProjection,
  boardQueueProjection,
  notificationFeedProjection,
  reviewSafeguardsProjection,
  directoryProjection,
  progressProjection,
  awardsProjection,
  evidenceProjection,
  scheduleProjection,
];
