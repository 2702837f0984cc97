/**
 * Where each person was last imported from, as a column of their own row instead of a side
 * table. `import_link` was 1:1 with participant (keyed by its id), so a 100,000-row import wrote
 * a second 100,000-row B-tree; now the import sets the batch in the same INSERT or UPDATE that
 * writes the person. The source is the batch's (import_batch.source): every link was written
 * with its own batch's source, so nothing is lost. No foreign key, as before: it is only a note,
 * and a check per inserted row would cost what this saves. No index: only "who of this source is
 * missing" reads it, once per import, with one scan.
 */
export const MIGRATION_0009_IMPORT_SOURCE_COLUMN = `
ALTER TABLE participant ADD COLUMN import_batch_id INTEGER; -- import_batch(id) of the person's last import; NULL: never imported
UPDATE participant SET import_batch_id = (SELECT l.batch_id FROM import_link l WHERE l.participant_id = participant.id)
  WHERE id IN (SELECT participant_id FROM import_link);
DROP TABLE import_link;
`;
