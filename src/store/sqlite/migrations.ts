// Schema migrations of the SQLite store, applied in order at open; `user_version` records how many
// have run. Append new migrations; never edit one that has shipped. Run by SqliteStore's constructor.

import type Database from 'better-sqlite3';

export const sqliteMigrations: readonly string[] = [
  `CREATE TABLE records (
     seq        INTEGER PRIMARY KEY AUTOINCREMENT,
     region     TEXT NOT NULL,
     collection TEXT NOT NULL,
     parent     TEXT NOT NULL,
     id         TEXT NOT NULL,
     idx        TEXT,
     body       TEXT NOT NULL,
     UNIQUE (region, collection, parent, id)
   );
   CREATE INDEX records_by_index ON records (region, collection, parent, idx);
   CREATE INDEX records_by_parent ON records (region, parent);`,
];

/**
 * Applies the migrations not yet recorded in `user_version`, all in one immediate transaction (so two
 * processes opening one file never both migrate, and a failing migration leaves the schema as it
 * was). Refuses a file whose schema is newer than this build knows. Returns the version now recorded.
 */
export function runSqliteMigrations(db: Database.Database, migrations: readonly string[] = sqliteMigrations): number {
  const apply = db.transaction(() => {
    const applied = db.pragma('user_version', { simple: true }) as number;
    if (applied > migrations.length) {
      throw new Error(`its schema version ${applied} is newer than this Portico knows (${migrations.length}); upgrade Portico`);
    }
    if (applied === migrations.length) return applied;
    for (const migration of migrations.slice(applied)) db.exec(migration);
    db.pragma(`user_version = ${migrations.length}`);
    return migrations.length;
  });
  return apply.immediate();
}
