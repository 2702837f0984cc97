import path from 'node:path';
import { expect, test } from 'vitest';
import { connect } from '../db/connection';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { findMissing } from './match_existing';

test('an event saved before 0009 keeps where each person was imported from, as their row', () => {
  const db = connect(path.join(makeTempDir(), 'event.sqlite'));
  expect(migrate(db, MIGRATIONS.filter((m) => m.version < 9)).ok).toBe(true);
  db.prepare("INSERT INTO category (code, name, colour, sort_order) VALUES ('delegate', 'Delegate', '#1f5fbf', 10)").run();
  const add = db.prepare(`INSERT INTO participant (display_name, category_code, created_at, updated_at) VALUES (?, 'delegate', 't', 't')`);
  const [secretariat, partner, walkIn] = ['Kim Minjun', 'Ana Núñez', 'Walk In'].map((n) => Number(add.run(n).lastInsertRowid));
  const batch = db.prepare(`INSERT INTO import_batch (id, source, file_name, imported_at, rows_read, added, updated, unchanged, skipped) VALUES (?, ?, 'f.csv', 't', 1, 1, 0, 0, 0)`);
  batch.run(1, 'secretariat');
  batch.run(2, 'partner form');
  const link = db.prepare('INSERT INTO import_link (participant_id, source, batch_id) VALUES (?, ?, ?)');
  link.run(secretariat, 'secretariat', 1);
  link.run(partner, 'partner form', 2);

  expect(migrate(db)).toEqual({ ok: true, value: MIGRATIONS.length });
  expect(db.prepare('SELECT id, import_batch_id AS batch FROM participant ORDER BY id').all()).toEqual([
    { id: secretariat, batch: 1 },
    { id: partner, batch: 2 },
    { id: walkIn, batch: null },
  ]);
  expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'import_link'`).pluck().get()).toBe(0);
  // "Who from this source is missing" reads the column: only the secretariat's person, not the walk-in.
  expect(findMissing(db, 'secretariat', []).map((p) => p.id)).toEqual([secretariat]);
  db.close();
});
