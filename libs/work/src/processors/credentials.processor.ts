import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CREDENTIAL_LIST_STREAM,
  CredentialEvent,
  CredentialList,
  IssueCredential,
  applicationDecider,
  applicationStream,
  assertNever,
  credentialListDecider,
  isErased,
} from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import { JobContext, PermanentJobFailure } from '@cert/jobs';
import { CredentialIssuer, badgeTitle, credentialHash, openBadgeCredential } from '@cert/audit';
import { CredentialJob } from '../reactors/credential-jobs';

const SYSTEM = { id: 'credentials', role: 'system' as const };

/**
 * docs/DOMAIN.md, Verifiable credentials: issues and moves credentials through the one write path. Signing needs the
 * issuer's key, which only this side and the api hold, so the credential is built and signed here (the facts read
 * from the application's stream) and the decider records it: once per key, at the list's next index.
 */
@Injectable()
export class CredentialsProcessor {
  constructor(
    private readonly store: EventStore,
    private readonly issuer: CredentialIssuer,
    private readonly clock: Clock,
  ) {}

  async process(job: JobContext): Promise<void> {
    const { name, data } = { name: job.name, data: job.data } as CredentialJob;
    const now = this.clock.now().toISOString();
    const ctx = { actorId: SYSTEM.id, actorRole: SYSTEM.role, now };
    switch (name) {
      case 'ChangeCredentialStatus':
        return void (await handle(
          this.store,
          CREDENTIAL_LIST_STREAM,
          credentialListDecider,
          { type: 'ChangeCredentialStatus', data, metadata: { now, actor: SYSTEM } },
          ctx,
        ));
      case 'IssueCredential': {
        const read = await this.store.readStream(CREDENTIAL_LIST_STREAM);
        const list: CredentialList = read.events.reduce(
          (l, e) => credentialListDecider.evolve(l, e as unknown as CredentialEvent),
          credentialListDecider.initialState(),
        );
        if (list.keys[data.key]) return;
        const app = (await this.store.readStream(applicationStream(data.applicationId))).events
          .map((e) => e as never)
          .reduce(applicationDecider.evolve, applicationDecider.initialState());
        if (app.status === 'None') throw new PermanentJobFailure(`no application ${data.applicationId}`);
        // An erased leader's name is gone: nothing is issued in it.
        if (isErased(app.survey.leaderName)) return;
        const credentialId = `urn:uuid:${randomUUID()}`;
        const signed = await this.issuer.sign(
          openBadgeCredential(this.issuer.publicUrl, {
            credentialId,
            statusListIndex: list.next,
            achievement: data.achievement,
            award: data.award,
            leaderName: app.survey.leaderName,
            leaderEmail: app.survey.contactEmail,
            institution: app.survey.institution.name,
            reference: app.reference,
            rubricVersion: app.rubricVersion,
            policyVersion: app.policyVersion,
            validFrom: data.validFrom,
            validUntil: data.validUntil,
          }),
        );
        const command: IssueCredential = {
          type: 'IssueCredential',
          data: {
            applicationId: data.applicationId,
            credentialId,
            key: data.key,
            kind: data.kind,
            title: badgeTitle(data),
            statusListIndex: list.next,
            sha256: credentialHash(signed),
            document: JSON.stringify(signed),
            supersedes: data.supersedes,
          },
          metadata: { now, actor: SYSTEM },
        };
        // At the version read: if the list moved on, the job fails and runs again with a fresh index and signature.
        return void (await handle(this.store, CREDENTIAL_LIST_STREAM, credentialListDecider, command, {
          ...ctx,
          expectedVersion: read.version,
        }));
      }
      default:
        return assertNever(name);
    }
  }
}
