/**
 * Test events for the participants feature: a real SQLite file in a temp folder, migrated,
 * with the demo categories and whatever people a test describes (names only where it matters).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParticipantFields } from '../../contract';
import { connect, type Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { DEMO_CATEGORIES } from '../demo/demo_people';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { insertDelegation, insertParticipant, upsertCategory, type NewParticipant } from './participant_store';

export const TEST_NOW = '2026-11-20T09:00:00.000Z';

/** A person for a test (optionally in a delegation named `delegation`), every field not given blank. */
export function testPerson(p: Partial<NewParticipant> & { displayName: string; delegation?: string }): NewParticipant & { delegation?: string } {
  return {
    externalId: null,
    title: '',
    familyName: '',
    givenName: '',
    nativeName: '',
    nativeNameLang: null,
    organisation: '',
    position: '',
    country: null,
    delegationId: null,
    categoryCode: 'delegate',
    languages: [],
    email: '',
    phone: '',
    notes: '',
    protocolOrder: 0,
    ...p,
  };
}

/** Editable fields for a test (what the edit panel sends), blank unless given. */
export function testFields(f: Partial<ParticipantFields>): ParticipantFields {
  return {
    externalId: null,
    title: '',
    familyName: '',
    givenName: '',
    nativeName: '',
    nativeNameLang: null,
    displayName: '',
    organisation: '',
    position: '',
    country: null,
    delegationId: null,
    categoryCode: 'speaker',
    languages: [],
    email: '',
    phone: '',
    notes: '',
    protocolOrder: 0,
    ...f,
  };
}

/** A migrated event database with the demo categories; close() removes it. */
export function openTestEvent(): { db: Db; dir: string; close: () => void } {
  const dir = makeTempDir('dd-participants-');
  const db = connect(path.join(dir, 'event.sqlite'));
  const migrated = migrate(db);
  if (!migrated.ok) throw new Error(migrated.error.message);
  db.transaction(() => {
    for (const c of DEMO_CATEGORIES) upsertCategory(db, c);
  }).immediate();
  return {
    db,
    dir,
    close: () => {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds people (and any delegations they name by `delegation`), returning ids by display name. */
export function addPeople(db: Db, people: Array<NewParticipant & { delegation?: string }>): Map<string, number> {
  const ids = new Map<string, number>();
  const delegations = new Map<string, number>();
  db.transaction(() => {
    for (const { delegation, ...p } of people) {
      let delegationId = p.delegationId;
      if (delegation) {
        delegationId = delegations.get(delegation) ?? insertDelegation(db, { name: delegation, country: p.country, protocolOrder: delegations.size + 1 });
        delegations.set(delegation, delegationId);
      }
      ids.set(p.displayName, insertParticipant(db, { ...p, delegationId }, TEST_NOW));
    }
  }).immediate();
  return ids;
}
