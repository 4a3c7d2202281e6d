import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';

/** Issue 8, who's who: the fields a leader may show, in the order the directory shows them. */
export const DIRECTORY_FIELDS = ['leaderName', 'institution', 'country', 'focusAreas', 'designationYear', 'awards', 'summary'] as const;
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];
export const SUMMARY_MAX_CHARS = 1200;

export const FIELD_LABEL: Record<DirectoryField, string> = {
  leaderName: 'Your name',
  institution: 'Institution',
  country: 'Country',
  focusAreas: 'Focus areas',
  designationYear: 'Year of designation',
  awards: 'Awards',
  summary: 'Best-practice summary',
};

/** One public entry: a key for each field its leader shows, nothing else. */
export type DirectoryEntry = {
  leaderName?: string;
  institution?: string;
  country?: string;
  focusAreas?: string[];
  designationYear?: number;
  awards?: { year: number; award: string }[];
  summary?: string;
};

export type DirectoryAnswer = { count: number; years: number[]; entries: DirectoryEntry[] };
export type DirectoryFilter = { q?: string; country?: string; year?: string };

export type OwnListing = {
  listed: boolean;
  fields: DirectoryField[];
  focusAreas: string[];
  summary: string | null;
  visibility: 'shown' | 'hidden' | 'not-listed';
  entry: DirectoryEntry | null;
  updatedAt: string | null;
  designation: { designationYear: number; standing: 'active' | 'suspended' | 'ended'; awards: { year: number; award: string }[] } | null;
};

export const useDirectory = (filter: DirectoryFilter) =>
  useQuery<DirectoryAnswer>({ queryKey: ['/directory', filter], queryFn: () => get<DirectoryAnswer>('/directory', filter), retry: false });

export const useOwnListing = (applicationId: string, enabled: boolean) =>
  useQuery<OwnListing>({
    queryKey: [`/applications/${applicationId}/directory-listing`, {}],
    queryFn: () => get<OwnListing>(`/applications/${applicationId}/directory-listing`),
    enabled,
    retry: false,
  });
