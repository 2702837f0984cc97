/**
 * Managing delegations (name, country, head, protocol order) and categories (name, colour,
 * order). Each change runs in one transaction and then refreshes what the search index knows
 * of groups (delegation names are searchable; protocol order and category order sort lists).
 */
import { err, ok, type Category, type Delegation, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { foldNative } from '../search/text_fold';
import { refreshSearchGroups, refreshSearchIndex } from './participant_search';
import { getDelegation, listCategories, listDelegations, upsertCategory } from './participant_store';

/** Adds a delegation (last in protocol order) or renames it / changes its country. */
export function saveDelegation(db: Db, input: { id?: number | undefined; name: string; country: string | null }): Result<Delegation, 'not_found' | 'duplicate_name'> {
  const work = db.transaction((): Result<Delegation, 'not_found' | 'duplicate_name'> => {
    const folded = foldNative(input.name);
    const rows = db.prepare('SELECT id, name FROM delegation').all() as Array<{ id: number; name: string }>;
    const same = rows.find((r) => r.id !== input.id && foldNative(r.name) === folded);
    if (same) return err('duplicate_name', `There is already a delegation called "${same.name}".`);
    let id = input.id;
    if (id === undefined) {
      const order = (db.prepare('SELECT coalesce(max(protocol_order), 0) + 1 AS n FROM delegation').get() as { n: number }).n;
      id = Number(db.prepare('INSERT INTO delegation (name, country, protocol_order) VALUES (?, ?, ?)').run(input.name, input.country, order).lastInsertRowid);
    } else if (db.prepare('UPDATE delegation SET name = ?, country = ? WHERE id = ?').run(input.name, input.country, id).changes === 0) {
      return err('not_found', 'That delegation no longer exists.');
    }
    return ok(getDelegation(db, id) as Delegation);
  });
  const result = work.immediate();
  if (result.ok) refreshSearchGroups(db);
  return result;
}

/**
 * Names the head of a delegation (one of its members) and puts them first in its protocol
 * order; the other members keep their order after the head. Null clears the head.
 */
export function setHead(db: Db, delegationId: number, participantId: number | null, now: string): Result<Delegation, 'not_found' | 'not_a_member'> {
  const moved: number[] = [];
  const work = db.transaction((): Result<Delegation, 'not_found' | 'not_a_member'> => {
    if (!getDelegation(db, delegationId)) return err('not_found', 'That delegation no longer exists.');
    if (participantId !== null) {
      const member = db.prepare('SELECT delegation_id AS d FROM participant WHERE id = ?').get(participantId) as { d: number | null } | undefined;
      if (member?.d !== delegationId) return err('not_a_member', 'The head of a delegation must be one of its members. Add the person to the delegation first.');
      const members = db
        .prepare('SELECT id, protocol_order AS o FROM participant WHERE delegation_id = ? ORDER BY (id = ?) DESC, protocol_order, id')
        .all(delegationId, participantId) as Array<{ id: number; o: number }>;
      const renumber = db.prepare('UPDATE participant SET protocol_order = ?, updated_at = ? WHERE id = ?');
      members.forEach((m, i) => {
        if (m.o !== i + 1) {
          renumber.run(i + 1, now, m.id);
          moved.push(m.id);
        }
      });
    }
    db.prepare('UPDATE delegation SET head_participant_id = ? WHERE id = ?').run(participantId, delegationId);
    return ok(getDelegation(db, delegationId) as Delegation);
  });
  const result = work.immediate();
  if (moved.length) refreshSearchIndex(db, moved);
  return result;
}

/** Puts the given delegations first in protocol order (1, 2, 3…); the others follow in their order. */
export function reorderDelegations(db: Db, ids: readonly number[]): Result<Delegation[], 'not_found'> {
  const work = db.transaction((): Result<Delegation[], 'not_found'> => {
    const all = listDelegations(db).map((d) => d.id);
    const known = new Set(all);
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) return err('not_found', 'One of those delegations no longer exists. Reload the list and try again.');
    const first = [...new Set(ids)];
    const rest = all.filter((id) => !first.includes(id));
    const update = db.prepare('UPDATE delegation SET protocol_order = ? WHERE id = ?');
    [...first, ...rest].forEach((id, i) => update.run(i + 1, id));
    return ok(listDelegations(db));
  });
  const result = work.immediate();
  if (result.ok) refreshSearchGroups(db);
  return result;
}

/** Removes a delegation nobody belongs to (cancelled members count: they may come back). */
export function deleteDelegation(db: Db, id: number): Result<{ id: number }, 'not_found' | 'in_use'> {
  const work = db.transaction((): Result<{ id: number }, 'not_found' | 'in_use'> => {
    const d = getDelegation(db, id);
    if (!d) return err('not_found', 'That delegation no longer exists.');
    if (d.memberCount + (d.cancelledCount ?? 0) > 0) {
      return err('in_use', `"${d.name}" still has ${d.memberCount + (d.cancelledCount ?? 0)} member(s). Move them to another delegation first.`);
    }
    db.prepare('DELETE FROM delegation WHERE id = ?').run(id);
    return ok({ id });
  });
  const result = work.immediate();
  if (result.ok) refreshSearchGroups(db);
  return result;
}

/** Adds a category or changes its name, colour or order; returns all categories. */
export function saveCategory(db: Db, category: Category): Category[] {
  db.transaction(() => upsertCategory(db, category)).immediate();
  refreshSearchGroups(db);
  return listCategories(db);
}

/** Removes a category that nobody is in. */
export function deleteCategory(db: Db, code: string): Result<Category[], 'not_found' | 'in_use'> {
  const work = db.transaction((): Result<Category[], 'not_found' | 'in_use'> => {
    if (!db.prepare('SELECT 1 FROM category WHERE code = ?').get(code)) return err('not_found', 'That category no longer exists.');
    const used = (db.prepare('SELECT count(*) AS n FROM participant WHERE category_code = ?').get(code) as { n: number }).n;
    if (used > 0) return err('in_use', `${used} participant(s) are in this category. Move them to another category first.`);
    db.prepare('DELETE FROM category WHERE code = ?').run(code);
    return ok(listCategories(db));
  });
  const result = work.immediate();
  if (result.ok) refreshSearchGroups(db);
  return result;
}
