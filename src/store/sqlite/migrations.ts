// Schema migrations of the SQLite store, applied in order at open; `user_version` records how many
// have run. Append new migrations; never edit one that has shipped.

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
