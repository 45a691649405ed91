import { useCallback, useMemo, useRef, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../api/client';
import { showError, showSuccess } from '../api/errors';
import { sameState, savedState, startEdit, type Edits, type ItemEdit, type ItemState } from './model';
import type { EditionForm, RoundInput, RoundView } from './queries';
import { missingRoundFields, roundWrites } from './round-writes';

/** A form's answers as the server returns them: the institution's checklist or a vendor's form. */
interface Answered {
  answers: Record<string, RoundView[]>;
}

export interface RoundApi<D extends Answered> {
  /** Where the fresh detail is cached, read before each save so a save builds on the newest versions. */
  queryKey: QueryKey;
  put(itemId: string, round: number, input: RoundInput): Promise<D>;
  remove(itemId: string, round: number): Promise<D>;
  /** A fresh detail from the server, after a save. */
  setDetail(detail: D): void;
}

/**
 * Unsaved answers of a checklist form, item by item, and their saving: rounds written in order (later
 * rounds removed first), only what changed, a stale version shown as a conflict to overwrite or discard,
 * and a warning before the browser leaves with unsaved answers. The institution's checklist and the
 * vendor form page share it.
 */
export function useRoundEdits<D extends Answered>(form: EditionForm | undefined, detail: D | undefined, roundApi: RoundApi<D>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Edits>({});
  const [saving, setSaving] = useState<Record<string, boolean>>({});
  const [conflicts, setConflicts] = useState<Record<string, boolean>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string | null>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, Record<string, string>>>({});
  const [savingAll, setSavingAll] = useState(false);
  const detailRef = useRef(detail);
  detailRef.current = detail;
  const editsRef = useRef(edits);
  editsRef.current = edits;
  const apiRef = useRef(roundApi);
  apiRef.current = roundApi;

  const dirtyIds = Object.keys(edits);
  const dirty = dirtyIds.length > 0;

  const saved = useMemo(() => {
    const map: Record<string, ItemState> = {};
    if (detail && form) for (const item of form.items) map[item.id] = savedState(detail.answers[item.id]);
    return map;
  }, [detail, form]);

  const onChange = useCallback((itemId: string, fn: (state: ItemState) => ItemState) => {
    const current = detailRef.current;
    if (!current) return;
    setEdits((prev) => {
      const base: ItemEdit = prev[itemId] ?? startEdit(current.answers[itemId]);
      const next = { ...base, ...fn(base) };
      const rest = { ...prev };
      if (sameState(next, savedState(current.answers[itemId]))) delete rest[itemId];
      else rest[itemId] = next;
      return rest;
    });
    setFieldErrors((prev) => (prev[itemId] ? { ...prev, [itemId]: {} } : prev));
    setRowErrors((prev) => (prev[itemId] ? { ...prev, [itemId]: null } : prev));
  }, []);

  const discard = useCallback((itemId: string) => {
    setEdits((prev) => {
      const rest = { ...prev };
      delete rest[itemId];
      return rest;
    });
    setConflicts((prev) => ({ ...prev, [itemId]: false }));
    setFieldErrors((prev) => ({ ...prev, [itemId]: {} }));
    setRowErrors((prev) => ({ ...prev, [itemId]: null }));
  }, []);

  /** Saves one item's changed rounds in order; returns false when something needs the user's attention. */
  const saveItem = useCallback(
    async (itemId: string, rebase = false): Promise<boolean> => {
      const { queryKey, put, remove, setDetail } = apiRef.current;
      const item = form?.items.find((i) => i.id === itemId);
      let edit = editsRef.current[itemId];
      let current = queryClient.getQueryData<D>(queryKey) ?? detailRef.current;
      if (!item || !edit || !current) return true;
      if (rebase) edit = { ...edit, versions: (current.answers[itemId] ?? []).map((r) => r.version) };
      const missing = missingRoundFields(edit);
      if (Object.keys(missing).length) {
        const errors = Object.fromEntries(Object.entries(missing).map(([field, key]) => [field, t(`checklist.validation.${key}`)]));
        setFieldErrors((prev) => ({ ...prev, [itemId]: errors }));
        setRowErrors((prev) => ({ ...prev, [itemId]: Object.values(errors)[0]! }));
        return false;
      }
      setSaving((prev) => ({ ...prev, [itemId]: true }));
      try {
        const writes = roundWrites(item, current.answers[itemId] ?? [], edit);
        for (const round of writes.remove) current = await remove(itemId, round);
        for (const { round, input } of writes.put) current = await put(itemId, round, input);
        setDetail(current);
        discard(itemId);
        return true;
      } catch (error) {
        if (isApiError(error, 'version_conflict')) {
          setConflicts((prev) => ({ ...prev, [itemId]: true }));
          await queryClient.invalidateQueries({ queryKey });
        } else if (error instanceof ApiError) {
          const message = error.details.length ? error.details.map((d) => d.message).join(' ') : error.message;
          setRowErrors((prev) => ({ ...prev, [itemId]: message }));
          await queryClient.invalidateQueries({ queryKey });
        } else {
          showError(error);
        }
        return false;
      } finally {
        setSaving((prev) => ({ ...prev, [itemId]: false }));
      }
    },
    [form, queryClient, t, discard],
  );

  const onSave = useCallback((itemId: string) => void saveItem(itemId), [saveItem]);
  const onOverwrite = useCallback(
    (itemId: string) => {
      setConflicts((prev) => ({ ...prev, [itemId]: false }));
      void saveItem(itemId, true);
    },
    [saveItem],
  );

  const saveAll = async () => {
    if (!form) return;
    setSavingAll(true);
    let failed = 0;
    for (const item of form.items) {
      if (!editsRef.current[item.id]) continue;
      if (!(await saveItem(item.id))) failed++;
    }
    setSavingAll(false);
    if (failed) showError(new ApiError(400, 'partial', t('checklist.saveAllFailed', { count: failed })));
    else showSuccess(t('common.saved'));
  };

  return { edits, dirty, dirtyIds, saved, saving, conflicts, rowErrors, fieldErrors, savingAll, onChange, discard, saveItem, onSave, onOverwrite, saveAll };
}
