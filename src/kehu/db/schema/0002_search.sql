-- Schema version 2, frozen: search keys addressed by customer, and a trigram index of names.
-- search_key.id = customer_id * 256 + slot: a customer's keys are one rowid range, so no
-- second index is kept up to date and the bulk fill appends in order. No foreign key: the
-- search index removes a customer's keys itself (a cascade would scan the table).
DROP TABLE "search_key";
CREATE TABLE "search_key" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL);
CREATE INDEX "search_key_kind_key" ON "search_key" ("kind", "key");
CREATE VIRTUAL TABLE "search_text" USING fts5("text", tokenize='trigram');
