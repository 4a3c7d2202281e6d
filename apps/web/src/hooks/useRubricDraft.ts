import { useCallback, useEffect, useRef, useState } from 'react';
import type { Level } from '@cert/contracts';
import type { SaveState } from '../components/SaveStatus';

/** One indicator's answer: a level and the words with it (evidence for applicants, a comment for reviewers). */
export type RubricEntry = { level: Level | null; text: string };
export type RubricEntries = Record<string, RubricEntry>;

const AUTOSAVE_MS = 1200;

/**
 * A rubric answered one indicator at a time, autosaved as a draft. What the person types is kept in
 * sessionStorage until the server has it, so a failed save, a reload or a lost connection loses nothing; the
 * server's draft is restored on return. Only changed indicators that have a level are sent (drafts merge).
 */
export function useRubricDraft(opts: {
  storageKey: string;
  server: RubricEntries | undefined;
  save: (changed: { indicator: string; level: Level; text: string }[]) => Promise<void>;
  editable: boolean;
}) {
  const { storageKey, server, editable } = opts;
  const saveRef = useRef(opts.save);
  saveRef.current = opts.save;
  const [entries, setEntries] = useState<RubricEntries>({});
  const [loaded, setLoaded] = useState(false);
  const dirty = useRef<Set<string>>(new Set());
  const entriesRef = useRef(entries);
  entriesRef.current = entries;
  const timer = useRef<number | undefined>(undefined);
  const [state, setState] = useState<SaveState>({ saving: false, savedAt: null, error: null, dirty: false });

  // Restore: the server's draft, with any unsaved local edits on top.
  useEffect(() => {
    if (!server || loaded) return;
    const local = readLocal(storageKey);
    for (const code of Object.keys(local)) dirty.current.add(code);
    setEntries({ ...server, ...local });
    setState((s) => ({ ...s, dirty: dirty.current.size > 0 }));
    setLoaded(true);
  }, [server, loaded, storageKey]);

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (!editable) return true;
    const codes = [...dirty.current].filter((code) => entriesRef.current[code]?.level);
    if (codes.length === 0) return true;
    const sent = codes.map((code) => ({
      indicator: code,
      level: entriesRef.current[code].level as Level,
      text: entriesRef.current[code].text,
    }));
    setState((s) => ({ ...s, saving: true, error: null }));
    try {
      await saveRef.current(sent);
      // Keep as dirty whatever changed again while the save was on its way.
      for (const item of sent) {
        const now = entriesRef.current[item.indicator];
        if (now && now.level === item.level && now.text === item.text) dirty.current.delete(item.indicator);
      }
      writeLocal(storageKey, entriesRef.current, dirty.current);
      setState({ saving: false, savedAt: new Date(), error: null, dirty: dirty.current.size > 0 });
      return true;
    } catch (error) {
      setState((s) => ({ ...s, saving: false, error, dirty: true }));
      return false;
    }
  }, [editable, storageKey]);

  const update = useCallback(
    (code: string, patch: Partial<RubricEntry>) => {
      setEntries((prev) => {
        const next = { ...prev, [code]: { ...{ level: null, text: '' }, ...prev[code], ...patch } };
        entriesRef.current = next;
        dirty.current.add(code);
        writeLocal(storageKey, next, dirty.current);
        return next;
      });
      setState((s) => ({ ...s, dirty: true }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush, storageKey],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const forget = useCallback(() => {
    dirty.current.clear();
    sessionStorage.removeItem(storageKey);
  }, [storageKey]);

  return { entries, loaded, update, flush, state, forget };
}

function readLocal(key: string): RubricEntries {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? '{}') as RubricEntries;
  } catch {
    return {};
  }
}

function writeLocal(key: string, entries: RubricEntries, dirty: Set<string>): void {
  if (dirty.size === 0) {
    sessionStorage.removeItem(key);
    return;
  }
  sessionStorage.setItem(key, JSON.stringify(Object.fromEntries([...dirty].map((code) => [code, entries[code]]))));
}
