-- Schema 13: pinyin order of names, and alternative readings ranked below the main one.
-- customer.name_sort / short_name_sort hold kehu.core.search_keys.sort_key of the name and
-- short name (pinyin syllable by syllable, then the text itself), kept with the search keys
-- (kehu.db.search_index): a list sorted by name walks their index. The migration
-- (kehu.db.migrations) adds the columns, fills them in batches, then creates the indexes;
-- it also recomputes the search keys of the customers whose names hold a polyphone (their
-- alternative readings move to kind 5, PINYIN_ALT). (owner_id, code), (owner_id, name_sort)
-- and (owner_id, short_name_sort): a salesperson's list walks an index too.
ALTER TABLE "customer" ADD COLUMN "name_sort" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "customer" ADD COLUMN "short_name_sort" VARCHAR(255) NOT NULL DEFAULT '';
CREATE INDEX "customer_name_sort" ON "customer" ("name_sort");
CREATE INDEX "customer_short_name_sort" ON "customer" ("short_name_sort");
CREATE INDEX "customer_owner_id_code" ON "customer" ("owner_id", "code");
CREATE INDEX "customer_owner_id_name_sort" ON "customer" ("owner_id", "name_sort");
CREATE INDEX "customer_owner_id_short_name_sort" ON "customer" ("owner_id", "short_name_sort");
