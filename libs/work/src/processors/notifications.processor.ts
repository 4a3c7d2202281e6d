import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock } from '@cert/config';
import {
  OpenApplication,
  ReviewerReleased,
  SurveyRejected,
  activeReviewers,
  applicationDecider,
  applicationStream,
  isErased,
  notificationDecider,
  notificationStream,
  policyByVersion,
} from '@cert/domain';
import { EventStore, RecordedEvent, handle } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { JobContext, PermanentJobFailure } from '@cert/jobs';
import { Mailer } from '@cert/mail';
import { Metrics } from '@cert/metrics';
import { toMail } from '../notifications/mail';
import { NotificationJob } from '../notifications/notification-job';
import { compose } from '../notifications/templates';

type Addressee = { email: string; userId: string | null };
/** What every copy of one notification shares: its template parameters and the data subjects it is about. */
type Mail = { params: Record<string, unknown>; subjects: string[] };

/** Free text a template quotes is read from the event that caused it, never carried in the job, where an erasure would not reach it. */
const personalParams = (n: NotificationJob, events: RecordedEvent[]): Record<string, unknown> => {
  const cause = events.find((e) => e.id === n.eventId);
  if (n.template === 'survey-not-accepted' && cause?.type === 'SurveyRejected')
    return { reason: (cause.data as SurveyRejected['data']).reason };
  if (n.template === 'reviewer-released' && cause?.type === 'ReviewerReleased')
    return { reason: (cause.data as ReviewerReleased['data']).reason };
  return {};
};

/** Staff hear how many reviewers the application has now against how many it needs, so a shortfall is never silent. */
const reviewerCount = (n: NotificationJob, app: OpenApplication): Record<string, unknown> =>
  n.template === 'reviewer-released' || n.template === 'reviewers-needed'
    ? {
        reviewersActive: activeReviewers(app, 'review').length,
        reviewersRequired: policyByVersion(app.policyVersion).reviewersRequired,
        stillInReview: app.status === 'UnderReview',
      }
    : {};

type Subjects = { applicant?: string; record?: string } | undefined;

/**
 * The data subjects kept copies of the mail carry, as the store recorded them when it sealed: the applicant's (their
 * survey), and the record of reasons' when the mail quotes a reason from it, so the copy goes when either is erased
 * (docs/DOMAIN.md, Personal data and the record of reasons).
 */
const subjectsOf = (n: NotificationJob, events: RecordedEvent[]): string[] => {
  const applicant = events.map((e) => (e.metadata.dataSubjects as Subjects)?.applicant).find(Boolean);
  const quoted = personalParams(n, events).reason === undefined ? undefined : events.find((e) => e.id === n.eventId);
  const record = (quoted?.metadata.dataSubjects as Subjects)?.record;
  return [applicant, record].filter((s): s is string => !!s);
};

const SENDER = { id: 'notifications', role: 'system' as const };

/**
 * docs/DOMAIN.md, Notifications: every notification is sent once per recipient. The ledger is the stream
 * `notification-<id>`: checked before sending, written after; the id is also the mail's Message-ID, so a
 * crash between the two at worst repeats a message that carries the same Message-ID (mail clients fold it).
 */
@Injectable()
export class NotificationsProcessor {
  private readonly logger = new Logger('notifications');

  constructor(
    private readonly store: EventStore,
    private readonly identity: IdentityStore,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async process(job: JobContext): Promise<void> {
    const n = job.data as NotificationJob;
    const { events } = await this.store.readStream(applicationStream(n.applicationId));
    const app = events.reduce((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState());
    if (app.status === 'None') throw new PermanentJobFailure(`application ${n.applicationId} has no events`);
    const params = { ...n.params, ...personalParams(n, events), ...reviewerCount(n, app), ...(await this.reviewerName(n)) };
    const about: Mail = { params, subjects: subjectsOf(n, events) };
    for (const to of await this.addressees(n, app)) await this.sendOnce(n, app, to, about);
  }

  // docs/DOMAIN.md, Names: a person reads by the name on their account, never by id.
  private async reviewerName(n: NotificationJob): Promise<Record<string, unknown>> {
    const id = n.params.reviewerId;
    if (typeof id !== 'string') return {};
    return { reviewerName: (await this.identity.findById(id))?.name ?? '[erased person]' };
  }

  private async addressees(n: NotificationJob, app: OpenApplication): Promise<Addressee[]> {
    switch (n.recipient.kind) {
      case 'applicant':
        // An erased applicant has no address left, and is not written to again.
        if (isErased(app.applicantEmail)) return [];
        return [{ email: app.applicantEmail, userId: (await this.identity.findByEmail(app.applicantEmail))?.id ?? null }];
      case 'user': {
        const user = await this.identity.findById(n.recipient.userId);
        if (!user) this.logger.warn(`no account ${n.recipient.userId} for ${n.template} on ${app.reference}; not sent`);
        return user ? [{ email: user.email, userId: user.id }] : [];
      }
      case 'staff':
      case 'board':
        return (await this.identity.listByRole(n.recipient.kind))
          .filter((u) => !u.disabledAt)
          .map((u) => ({ email: u.email, userId: u.id }));
    }
  }

  private async sendOnce(n: NotificationJob, app: OpenApplication, to: Addressee, about: Mail) {
    const recipientKey = createHash('sha256').update(to.email).digest('hex').slice(0, 16);
    const notificationId = `${n.eventId}-${n.template}-${recipientKey}`;
    const stream = notificationStream(notificationId);
    if ((await this.store.readStream(stream)).version > 0) return;
    const now = this.clock.now().toISOString();
    const content = compose(n.template, {
      reference: app.reference,
      leaderName: app.survey.leaderName,
      institutionName: app.survey.institution.name,
      applicationId: app.id,
      publicUrl: this.config.publicUrl,
      now,
      params: about.params,
    });
    let messageId: string;
    try {
      ({ messageId } = await this.mailer.send({
        to: to.email,
        ...toMail(content),
        idempotencyKey: notificationId,
        subjects: about.subjects,
      }));
      this.metrics?.mail.inc({ outcome: 'sent' });
    } catch (error) {
      this.metrics?.mail.inc({ outcome: 'failed' });
      throw error;
    }
    const data = {
      notificationId,
      template: n.template,
      applicationId: app.id,
      causedBy: n.eventId,
      recipientEmail: to.email,
      recipientUserId: to.userId,
      subject: content.subject,
      link: content.link.href,
      messageId,
    };
    await handle(
      this.store,
      stream,
      notificationDecider,
      { type: 'RecordNotificationSent', data, metadata: { now, actor: SENDER } },
      {
        actorId: SENDER.id,
        actorRole: SENDER.role,
        now,
        causationId: n.eventId,
      },
    );
  }
}
