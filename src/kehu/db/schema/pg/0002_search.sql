-- Schema version 2, frozen: search keys addressed by customer, a dictionary of key persons'
-- names, and a trigram index of names.
-- search_key.id = customer_id * 256 + slot: a customer's keys are one rowid range, so no
-- second index is kept up to date and the bulk fill appends in order. No foreign key: the
-- search index removes a customer's keys itself (a cascade would scan the table).
-- search_name maps the keys of a person's name (normalised, pinyin, initials) to the name as
-- stored; names recur (张伟), so this is small, and key_person is reached through its name.
DROP TABLE "search_key";
CREATE TABLE "search_key" ("id" BIGINT NOT NULL PRIMARY KEY, "kind" BIGINT NOT NULL, "key" TEXT COLLATE "C" NOT NULL);
-- PostgreSQL: the id in the index too (SQLite's indexes end with the rowid), so that a
-- range is read in (kind, key, id) order without a sort.
CREATE INDEX "search_key_kind_key" ON "search_key" ("kind", "key", "id");
CREATE TABLE "search_name" ("key" TEXT COLLATE "C" NOT NULL, "name" TEXT COLLATE "C" NOT NULL, PRIMARY KEY ("key", "name"));
CREATE INDEX "search_name_name_key" ON "search_name" ("name", "key");
CREATE INDEX "key_person_name" ON "key_person" ("name");
-- PostgreSQL: the names' text in a plain table (rowid = customer id) with a pg_trgm GIN index
-- for 3+ character fragments (LIKE '%…%'); 1–2 characters scan it by rowid range.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE "search_text" ("rowid" BIGINT NOT NULL PRIMARY KEY, "text" TEXT COLLATE "C" NOT NULL);
CREATE INDEX "search_text_trigram" ON "search_text" USING gin ("text" gin_trgm_ops);
