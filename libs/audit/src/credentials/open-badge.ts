import { createHash } from 'node:crypto';
import { STATUS_PURPOSES, credentialUrls } from './credential-issuer';
import { OPEN_BADGES_CONTEXT, VC_V2_CONTEXT } from './document-loader';

/** What an Open Badges 3.0 credential of ours states, gathered by the work side from the log. */
export type BadgeFacts = {
  credentialId: string;
  statusListIndex: number;
  /** `ProgramOfExcellence`, `CharterMembership`, or `award`. */
  achievement: 'ProgramOfExcellence' | 'CharterMembership' | 'award';
  /** For an award: its name and the summit year. */
  award: { name: string; year: number } | null;
  leaderName: string;
  leaderEmail: string;
  institution: string;
  reference: string;
  rubricVersion: string;
  policyVersion: string;
  validFrom: string;
  validUntil: string | null;
};

const ACHIEVEMENTS = {
  ProgramOfExcellence: {
    slug: 'stem-program-of-excellence',
    name: 'STEM Program of Excellence',
    achievementType: 'Certification',
    description: "IASL's highest designation: a STEM program that meets every outcome of the IC Map at the excellence level.",
  },
  CharterMembership: {
    slug: 'charter-membership',
    name: 'IASL Charter Membership',
    achievementType: 'Membership',
    description: 'Charter membership of the International Association for STEM Leaders, conferred on review of the IC Map.',
  },
} as const;

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');

/** The credential's title, as the issuing event and the wallet page name it. */
export const badgeTitle = (f: Pick<BadgeFacts, 'achievement' | 'award'>): string =>
  f.achievement === 'award' ? `${f.award!.name} ${f.award!.year}` : ACHIEVEMENTS[f.achievement].name;

/**
 * An unsigned OpenBadgeCredential (Open Badges 3.0 on the W3C VC Data Model 2.0): IASL's profile as issuer, the
 * designation or award as the achievement with the criteria it was decided under, the leader identified by name and by
 * a salted hash of their email (never the address itself), and one status entry per purpose in the public lists.
 */
export function openBadgeCredential(publicUrl: string, f: BadgeFacts): Record<string, unknown> {
  const urls = credentialUrls(publicUrl);
  const title = badgeTitle(f);
  const achievement =
    f.achievement === 'award'
      ? {
          id: urls.achievement(`award-${slugOf(f.award!.name)}-${f.award!.year}`),
          type: ['Achievement'],
          achievementType: 'Award',
          name: title,
          description: `${f.award!.name}, conferred by IASL's board at the ${f.award!.year} summit.`,
          criteria: { narrative: `Selected by IASL's board under the award criteria of the ${f.award!.year} award cycle.` },
        }
      : {
          id: urls.achievement(ACHIEVEMENTS[f.achievement].slug),
          type: ['Achievement'],
          achievementType: ACHIEVEMENTS[f.achievement].achievementType,
          name: ACHIEVEMENTS[f.achievement].name,
          description: ACHIEVEMENTS[f.achievement].description,
          criteria: {
            narrative: `Decided on the IC Map ${f.rubricVersion} under the decision policy ${f.policyVersion}; the decision and its reasons are in IASL's log as application ${f.reference}.`,
          },
        };
  const salt = createHash('sha256').update(`salt:${f.credentialId}`).digest('hex').slice(0, 16);
  return {
    '@context': [VC_V2_CONTEXT, OPEN_BADGES_CONTEXT],
    id: f.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: title,
    description: `${title}, held by the STEM program of ${f.institution} led by ${f.leaderName}.`,
    issuer: { id: urls.issuer, type: ['Profile'], name: 'International Association for STEM Leaders', url: publicUrl },
    validFrom: f.validFrom,
    ...(f.validUntil ? { validUntil: f.validUntil } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: f.leaderName },
        {
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          salt,
          identityHash: `sha256$${createHash('sha256')
            .update(f.leaderEmail.trim().toLowerCase() + salt)
            .digest('hex')}`,
        },
      ],
      achievement,
    },
    credentialStatus: STATUS_PURPOSES.map((purpose) => ({
      id: `${urls.statusList(purpose)}#${f.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: String(f.statusListIndex),
      statusListCredential: urls.statusList(purpose),
    })),
  };
}
