-- Schema version 2, frozen: search keys addressed by customer, a dictionary of key persons'
-- names, and a trigram index of names.
-- search_key.id = customer_id * 256 + slot: a customer's keys are one rowid range, so no
-- second index is kept up to date and the bulk fill appends in order. No foreign key: the
-- search index removes a customer's keys itself (a cascade would scan the table).
-- search_name maps the keys of a person's name (normalised, pinyin, initials) to the name as
-- stored; names recur (张伟), so this is small, and key_person is reached through its name.
DROP TABLE "search_key";
CREATE TABLE "search_key" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL);
CREATE INDEX "search_key_kind_key" ON "search_key" ("kind", "key");
CREATE TABLE "search_name" ("key" VARCHAR(255) NOT NULL, "name" VARCHAR(60) NOT NULL, PRIMARY KEY ("key", "name")) WITHOUT ROWID;
CREATE INDEX "search_name_name_key" ON "search_name" ("name", "key");
CREATE INDEX "key_person_name" ON "key_person" ("name");
CREATE VIRTUAL TABLE "search_text" USING fts5("text", tokenize='trigram');
