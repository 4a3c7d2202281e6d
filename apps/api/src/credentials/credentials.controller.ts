import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { CredentialList, IssuedCredential, STATUS_LIST_LENGTH, isErased } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore } from '@cert/event-store';
import { MINUTE } from '@cert/identity';
import { CredentialIssuer, credentialUrls, readCredentialList, statusIndexes, verifyCredential } from '@cert/audit';
import type { CredentialVerificationView, CredentialWalletView, JsonLdDocument } from '@cert/contracts';
import { Access, Public } from '../auth/access.decorators';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { StatusPurposeParam, VerifyCredentialDto } from './credentials.dto';
import { certificatePdf } from './credential-certificate.pdf';

// Open to everyone, so capped per client address like the other public doors; each answer signs or checks proofs.
const PER_MINUTE = (limit: number) => Throttle({ default: { limit, ttl: MINUTE } });

const urnOf = (uuid: string) => `urn:uuid:${uuid}`;

/** The document as issued, while its holder's key exists; null once they are erased (docs/DOMAIN.md, Erasure). */
const documentOf = (c: IssuedCredential): Record<string, unknown> | null => {
  if (isErased(c.document)) return null;
  try {
    return JSON.parse(c.document) as Record<string, unknown>;
  } catch {
    return null;
  }
};

/**
 * docs/DOMAIN.md, Verifiable credentials: what anyone needs to check an IASL credential, without signing in (the
 * issuer's key, the status lists, the verdict), and the leader's wallet.
 */
@ApiTags('credentials')
@Controller()
export class CredentialsController {
  constructor(
    private readonly store: EventStore,
    private readonly issuer: CredentialIssuer,
    private readonly clock: Clock,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(120)
  @Get('credentials/issuer')
  @Header('Cache-Control', 'public, max-age=300')
  @Operation("IASL's issuer profile: the controller document naming the key that signs its credentials", 'JsonLdDocument')
  issuerDocument(): JsonLdDocument {
    return this.issuer.issuerDocument() as JsonLdDocument;
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(120)
  @Get('credentials/status/:purpose')
  @Header('Cache-Control', 'no-cache')
  @Operation('A status list credential (revocation or suspension), signed, as of now', 'JsonLdDocument')
  async statusList(@Param() { purpose }: StatusPurposeParam): Promise<JsonLdDocument> {
    const list = await readCredentialList(this.store);
    return (await this.issuer.signStatusList(purpose, STATUS_LIST_LENGTH, statusIndexes(list, purpose))) as JsonLdDocument;
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(60)
  @Post('credentials/verify')
  @HttpCode(200)
  @Operation(
    'Verify a credential: signature, issuer key, status lists and the log; valid, suspended, expired, revoked or forged',
    'CredentialVerificationView',
  )
  async verify(@Body() dto: VerifyCredentialDto): Promise<CredentialVerificationView> {
    return verifyCredential(dto.credential, this.issuer, await readCredentialList(this.store), this.clock.now().toISOString());
  }

  /** What the certificate's QR code and the share link open: the credential as issued, verified now. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(60)
  @Get('credentials/:credentialId/verification')
  @Header('Cache-Control', 'no-cache')
  @Operation('Verify an issued credential by its id', 'CredentialVerificationView')
  async verification(@Param('credentialId', ParseUUIDPipe) uuid: string): Promise<CredentialVerificationView> {
    const list = await readCredentialList(this.store);
    const issued = list.byId[urnOf(uuid)];
    if (!issued) throw new NotFoundException(`IASL has issued no credential ${urnOf(uuid)}`);
    const document = documentOf(issued);
    if (document) return verifyCredential(document, this.issuer, list, this.clock.now().toISOString());
    // Erased: the engine serves the holder's copy no more, and says what the log says of it.
    return {
      verdict: 'revoked',
      reason: "Revoked: the holder's personal data was erased at their request.",
      credentialId: issued.credentialId,
      title: issued.title,
      issuedAt: issued.issuedAt,
      checks: {
        signature: false,
        issuerKey: false,
        matchesLog: true,
        statusList: statusIndexes(list, 'revocation').includes(issued.statusListIndex) ? 'revoked' : 'clear',
      },
    };
  }

  @ApiBearerAuth()
  @Get('applications/:id/credentials')
  @Access('application.credentials.read')
  @Operation("The leader's credentials: each with its standing, the share link and the downloads", 'CredentialWalletView')
  async wallet(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto): Promise<CredentialWalletView> {
    const list = await readCredentialList(this.store);
    const urls = credentialUrls(this.issuer.publicUrl);
    const items = this.of(list, id).map((c) => {
      const uuid = c.credentialId.replace(/^urn:uuid:/, '');
      return {
        credentialId: c.credentialId,
        title: c.title,
        kind: c.kind,
        status: c.status,
        issuedAt: c.issuedAt,
        changedAt: c.changedAt,
        verifyUrl: urls.verification(uuid),
        jsonUrl: `/applications/${id}/credentials/${uuid}.json`,
        pdfUrl: `/applications/${id}/credentials/${uuid}.pdf`,
      };
    });
    return { applicationId: id, items };
  }

  @ApiBearerAuth()
  @Get('applications/:id/credentials/:credentialId.json')
  @Access('application.credentials.read')
  @ApiProduces('application/ld+json')
  @Operation('Download the signed credential (Open Badges 3.0, JSON-LD)', { file: 'application/ld+json' })
  async json(@Param('id', ParseUUIDPipe) id: string, @Param('credentialId', ParseUUIDPipe) uuid: string): Promise<StreamableFile> {
    const { document } = await this.held(id, uuid);
    return new StreamableFile(Buffer.from(JSON.stringify(document, null, 2)), {
      type: 'application/ld+json',
      disposition: `attachment; filename="iasl-credential-${uuid}.json"`,
    });
  }

  @ApiBearerAuth()
  @Get('applications/:id/credentials/:credentialId.pdf')
  @Access('application.credentials.read')
  @ApiProduces('application/pdf')
  @Operation('Download the certificate (PDF) with the QR code of its verification page', { file: 'application/pdf' })
  async pdf(@Param('id', ParseUUIDPipe) id: string, @Param('credentialId', ParseUUIDPipe) uuid: string): Promise<StreamableFile> {
    const { issued, document } = await this.held(id, uuid);
    const subject = document.credentialSubject as { identifier?: { identityType?: string; identityHash?: string }[] } | undefined;
    const pdf = await certificatePdf({
      title: issued.title,
      leaderName: subject?.identifier?.find((i) => i.identityType === 'name')?.identityHash ?? '',
      description: typeof document.description === 'string' ? document.description : issued.title,
      issuedAt: issued.issuedAt,
      validUntil: typeof document.validUntil === 'string' ? document.validUntil : null,
      credentialId: issued.credentialId,
      verifyUrl: credentialUrls(this.issuer.publicUrl).verification(uuid),
    });
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="iasl-certificate-${uuid}.pdf"` });
  }

  private of(list: CredentialList, applicationId: string): IssuedCredential[] {
    return Object.values(list.byId)
      .filter((c) => c.applicationId === applicationId)
      .sort((a, b) => a.statusListIndex - b.statusListIndex);
  }

  private async held(applicationId: string, uuid: string): Promise<{ issued: IssuedCredential; document: Record<string, unknown> }> {
    const issued = (await readCredentialList(this.store)).byId[urnOf(uuid)];
    const document = issued && issued.applicationId === applicationId ? documentOf(issued) : null;
    if (!issued || !document) throw new NotFoundException(`no credential ${urnOf(uuid)} on application ${applicationId}`);
    return { issued, document };
  }
}
