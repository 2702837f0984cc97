/**
 * The first schema. Every table is STRICT (types are enforced, not suggested); JSON columns
 * name the zod schema that re-validates them on read.
 */
export const MIGRATION_0001_INIT = `
CREATE TABLE event (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  venue TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  host_country TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  timezone TEXT NOT NULL,
  languages_json TEXT NOT NULL, -- LanguageCodeSchema[]
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE category (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  colour TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) STRICT;

CREATE TABLE delegation (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT,
  head_participant_id INTEGER REFERENCES participant(id) ON DELETE SET NULL,
  protocol_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE participant (
  id INTEGER PRIMARY KEY,
  external_id TEXT,
  title TEXT NOT NULL DEFAULT '',
  family_name TEXT NOT NULL DEFAULT '',
  given_name TEXT NOT NULL DEFAULT '',
  native_name TEXT NOT NULL DEFAULT '',
  native_name_lang TEXT,
  display_name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  country TEXT,
  delegation_id INTEGER REFERENCES delegation(id) ON DELETE SET NULL,
  category_code TEXT NOT NULL REFERENCES category(code),
  languages_json TEXT NOT NULL DEFAULT '[]', -- LanguageCodeSchema[]
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'cancelled')),
  protocol_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX participant_external_id ON participant(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX participant_delegation ON participant(delegation_id);

CREATE TABLE programme_session (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  type TEXT NOT NULL,
  day TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  venue TEXT NOT NULL DEFAULT '',
  expected_json TEXT NOT NULL -- ExpectedAudienceSchema
) STRICT;

CREATE TABLE election (
  id INTEGER PRIMARY KEY,
  definition_json TEXT NOT NULL, -- ElectionDefinitionSchema
  created_at TEXT NOT NULL
) STRICT;
`;
