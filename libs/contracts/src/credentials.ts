/** A JSON-LD document as the engine publishes it (a credential, the issuer's controller document, a status list). */
export type JsonLdDocument = { '@context': unknown; id: string; [key: string]: unknown };

export type CredentialVerdict = 'valid' | 'suspended' | 'expired' | 'revoked' | 'forged';

/** What the public verification page and endpoint answer (docs/DOMAIN.md, Verifiable credentials). */
export type CredentialVerificationView = {
  verdict: CredentialVerdict;
  /** The reason in plain words. */
  reason: string;
  credentialId: string | null;
  title: string | null;
  issuedAt: string | null;
  checks: {
    signature: boolean;
    issuerKey: boolean;
    matchesLog: boolean;
    statusList: 'clear' | 'suspended' | 'revoked' | 'not checked';
  };
};

/** One credential in the leader's wallet. */
export type CredentialWalletItem = {
  credentialId: string;
  title: string;
  kind: 'designation' | 'award';
  status: 'active' | 'suspended' | 'expired' | 'replaced' | 'withdrawn' | 'erased';
  issuedAt: string;
  changedAt: string | null;
  /** The public verification page: the share link, and what the certificate's QR code opens. */
  verifyUrl: string;
  /** Where the signed credential (JSON) and the PDF certificate are downloaded. */
  jsonUrl: string;
  pdfUrl: string;
};

export type CredentialWalletView = { applicationId: string; items: CredentialWalletItem[] };
