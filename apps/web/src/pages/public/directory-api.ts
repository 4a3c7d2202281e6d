import { useQuery } from '@tanstack/react-query';
import type { DirectoryField, DirectoryListingView, DirectoryPageView, DirectoryQuery } from '@cert/contracts';
import { get } from '../../api/client';

/** The fields a leader may show, in the directory's words. */
export const FIELD_LABEL: Record<DirectoryField, string> = {
  leaderName: 'Your name',
  institution: 'Institution',
  country: 'Country',
  focusAreas: 'Focus areas',
  designationYear: 'Year of designation',
  awards: 'Awards',
  summary: 'Best-practice summary',
};

export const useDirectory = (filter: DirectoryQuery) =>
  useQuery<DirectoryPageView>({
    queryKey: ['/directory', filter],
    queryFn: () => get<DirectoryPageView>('/directory', filter),
    retry: false,
  });

export const useOwnListing = (applicationId: string, enabled: boolean) =>
  useQuery<DirectoryListingView>({
    queryKey: [`/applications/${applicationId}/directory-listing`, {}],
    queryFn: () => get<DirectoryListingView>(`/applications/${applicationId}/directory-listing`),
    enabled,
    retry: false,
  });
