-- Migration 9: built-in keys of the default schemes and categories, so that they show in the
-- reader's language (a database made under LANG=C shows Chinese categories in the Chinese
-- window). Existing rows are recognised by their name in either language; a category or
-- scheme renamed by its users keeps no key. Few rows: a plain UPDATE per label.
-- Frozen: never edit; add a new migration instead.
ALTER TABLE "scheme" ADD COLUMN "builtin_key" TEXT COLLATE "C";
ALTER TABLE "category" ADD COLUMN "builtin_key" TEXT COLLATE "C";
UPDATE "scheme" SET "builtin_key" = "key" WHERE "key" = 'nature' AND "name" IN ('Nature', '客户性质');
UPDATE "category" SET "builtin_key" = 'nature.government' WHERE "parent_id" IS NULL AND "name" IN ('Government body', '政府机构') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'nature');
UPDATE "category" SET "builtin_key" = 'nature.special' WHERE "parent_id" IS NULL AND "name" IN ('Special company', '特殊公司') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'nature');
UPDATE "category" SET "builtin_key" = 'nature.ordinary' WHERE "parent_id" IS NULL AND "name" IN ('Ordinary company', '普通公司') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'nature');
UPDATE "category" SET "builtin_key" = 'nature.individual' WHERE "parent_id" IS NULL AND "name" IN ('Individual customer', '个人顾客') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'nature');
UPDATE "category" SET "builtin_key" = 'nature.partner' WHERE "parent_id" IS NULL AND "name" IN ('Trading partner', '交易伙伴') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'nature');
UPDATE "scheme" SET "builtin_key" = "key" WHERE "key" = 'ownership' AND "name" IN ('Ownership', '所有制');
UPDATE "category" SET "builtin_key" = 'ownership.state' WHERE "parent_id" IS NULL AND "name" IN ('State-owned', '全民所有制') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'ownership');
UPDATE "category" SET "builtin_key" = 'ownership.collective' WHERE "parent_id" IS NULL AND "name" IN ('Collectively owned', '集体所有制') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'ownership');
UPDATE "category" SET "builtin_key" = 'ownership.individual' WHERE "parent_id" IS NULL AND "name" IN ('Individually owned', '个体所有制') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'ownership');
UPDATE "category" SET "builtin_key" = 'ownership.joint_stock' WHERE "parent_id" IS NULL AND "name" IN ('Joint-stock', '股份制') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'ownership');
UPDATE "category" SET "builtin_key" = 'ownership.joint_venture' WHERE "parent_id" IS NULL AND "name" IN ('Jointly owned', '合资') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'ownership');
UPDATE "scheme" SET "builtin_key" = "key" WHERE "key" = 'trade_type' AND "name" IN ('Trade type', '业态');
UPDATE "category" SET "builtin_key" = 'trade_type.wholesaler' WHERE "parent_id" IS NULL AND "name" IN ('Wholesaler', '批发店') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'trade_type');
UPDATE "category" SET "builtin_key" = 'trade_type.retailer' WHERE "parent_id" IS NULL AND "name" IN ('Retailer', '零售商') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'trade_type');
UPDATE "category" SET "builtin_key" = 'trade_type.agent' WHERE "parent_id" IS NULL AND "name" IN ('Agent', '代理店') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'trade_type');
UPDATE "category" SET "builtin_key" = 'trade_type.dealer' WHERE "parent_id" IS NULL AND "name" IN ('Authorised dealer', '特约店') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'trade_type');
UPDATE "category" SET "builtin_key" = 'trade_type.chain' WHERE "parent_id" IS NULL AND "name" IN ('Chain store', '连锁店') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'trade_type');
UPDATE "category" SET "builtin_key" = 'trade_type.specialty' WHERE "parent_id" IS NULL AND "name" IN ('Specialty store', '专营店') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'trade_type');
UPDATE "scheme" SET "builtin_key" = "key" WHERE "key" = 'location' AND "name" IN ('Location', '地段');
UPDATE "category" SET "builtin_key" = 'location.centre' WHERE "parent_id" IS NULL AND "name" IN ('Shopping centre', '商业中心店') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'location');
UPDATE "category" SET "builtin_key" = 'location.hub' WHERE "parent_id" IS NULL AND "name" IN ('Transport hub', '交通枢纽店') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'location');
UPDATE "category" SET "builtin_key" = 'location.residential' WHERE "parent_id" IS NULL AND "name" IN ('Residential area', '居民区店') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'location');
UPDATE "category" SET "builtin_key" = 'location.other' WHERE "parent_id" IS NULL AND "name" IN ('Other location', '其他店铺') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'location');
UPDATE "scheme" SET "builtin_key" = "key" WHERE "key" = 'grade' AND "name" IN ('Grade', '客户等级');
UPDATE "category" SET "builtin_key" = 'grade.A' WHERE "parent_id" IS NULL AND "name" IN ('Key customer (A)', '主力客户 (A)') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'grade');
UPDATE "category" SET "builtin_key" = 'grade.B' WHERE "parent_id" IS NULL AND "name" IN ('Regular customer (B)', '一般客户 (B)') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'grade');
UPDATE "category" SET "builtin_key" = 'grade.C' WHERE "parent_id" IS NULL AND "name" IN ('Occasional customer (C)', '零散客户 (C)') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'grade');
UPDATE "scheme" SET "builtin_key" = "key" WHERE "key" = 'stage' AND "name" IN ('Stage', '客户阶段');
UPDATE "category" SET "builtin_key" = 'stage.established' WHERE "parent_id" IS NULL AND "name" IN ('Established customer', '老客户') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'stage');
UPDATE "category" SET "builtin_key" = 'stage.new' WHERE "parent_id" IS NULL AND "name" IN ('New customer', '新客户') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'stage');
UPDATE "category" SET "builtin_key" = 'stage.prospective' WHERE "parent_id" IS NULL AND "name" IN ('Prospective customer', '未来客户') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'stage');
UPDATE "scheme" SET "builtin_key" = "key" WHERE "key" = 'trade_state' AND "name" IN ('Trade state', '交易状态');
UPDATE "category" SET "builtin_key" = 'trade_state.before' WHERE "parent_id" IS NULL AND "name" IN ('Traded before', '曾有交易') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'trade_state');
UPDATE "category" SET "builtin_key" = 'trade_state.now' WHERE "parent_id" IS NULL AND "name" IN ('Trading now', '正在交易') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'trade_state');
UPDATE "category" SET "builtin_key" = 'trade_state.soon' WHERE "parent_id" IS NULL AND "name" IN ('About to trade', '即将交易') AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'trade_state');
UPDATE "scheme" SET "builtin_key" = "key" WHERE "key" = 'region' AND "name" IN ('Region', '区域');
