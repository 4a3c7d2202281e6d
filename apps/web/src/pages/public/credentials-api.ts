import { useMutation, useQuery } from '@tanstack/react-query';
import type { CredentialVerdict, CredentialVerificationView, CredentialWalletView } from '@cert/contracts';
import { get, write } from '../../api/client';

export const useWallet = (applicationId: string) =>
  useQuery<CredentialWalletView>({
    queryKey: [`/applications/${applicationId}/credentials`, {}],
    queryFn: () => get<CredentialWalletView>(`/applications/${applicationId}/credentials`),
    retry: false,
  });

export const useVerificationById = (credentialId: string | undefined) =>
  useQuery<CredentialVerificationView>({
    queryKey: [`/credentials/${credentialId}/verification`, {}],
    queryFn: () => get<CredentialVerificationView>(`/credentials/${credentialId}/verification`),
    enabled: !!credentialId,
    retry: false,
  });

export const useVerifyPresented = () =>
  useMutation<CredentialVerificationView, Error, object>({
    mutationFn: (credential) => write<CredentialVerificationView>('POST', '/credentials/verify', { credential }),
  });

/** The verdict in the words the page leads with, and the colour it is shown in. */
export const VERDICT: Record<CredentialVerdict, { label: string; color: string }> = {
  valid: { label: 'Valid', color: 'green' },
  suspended: { label: 'Suspended', color: 'yellow' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'red' },
  forged: { label: 'Not genuine (forged)', color: 'red' },
};
