-- Schema 11: stamps of what the analyses keep in memory (kehu.db.sales_arrays): the sales per
-- customer and month (sales_month), the customers' categories (customer_category) and the
-- customers' status and owner. A trigger sets the part's stamp to a new random number on every
-- change (random, not a counter: a rolled-back change must not leave a number that a later
-- change takes again), so a copy in memory is used as long as its stamp is the one stored.
-- Named sales_summary_stamp_*: a bulk load drops and restores them with the summaries'.
-- The first stamps are 0 (the schema fixtures are deterministic); the arrays in memory are
-- forgotten whenever a file is opened, so two files never share one.
CREATE TABLE "analysis_stamp" ("part" VARCHAR(16) NOT NULL PRIMARY KEY, "stamp" INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO analysis_stamp (part, stamp) VALUES ('sales', 0), ('links', 0), ('customers', 0);
-- A change of sales_month is logged by customer instead: the arrays read again only those
-- customers' rows (a full read takes seconds). Work done with these triggers dropped (a
-- rebuild, an owner transfer) renews the 'sales' stamp instead, which means "read all".
CREATE TABLE "analysis_change" ("seq" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL);
CREATE TRIGGER sales_summary_stamp_month_insert AFTER INSERT ON sales_month BEGIN
  INSERT INTO analysis_change (customer_id) VALUES (NEW.customer_id);
END;
CREATE TRIGGER sales_summary_stamp_month_update AFTER UPDATE ON sales_month BEGIN
  INSERT INTO analysis_change (customer_id) VALUES (NEW.customer_id);
END;
CREATE TRIGGER sales_summary_stamp_month_delete AFTER DELETE ON sales_month BEGIN
  INSERT INTO analysis_change (customer_id) VALUES (OLD.customer_id);
END;
CREATE TRIGGER sales_summary_stamp_link_insert AFTER INSERT ON customer_category BEGIN
  UPDATE analysis_stamp SET stamp = random() WHERE part = 'links';
END;
CREATE TRIGGER sales_summary_stamp_link_update AFTER UPDATE ON customer_category BEGIN
  UPDATE analysis_stamp SET stamp = random() WHERE part = 'links';
END;
CREATE TRIGGER sales_summary_stamp_link_delete AFTER DELETE ON customer_category BEGIN
  UPDATE analysis_stamp SET stamp = random() WHERE part = 'links';
END;
CREATE TRIGGER sales_summary_stamp_customer_insert AFTER INSERT ON customer BEGIN
  UPDATE analysis_stamp SET stamp = random() WHERE part = 'customers';
END;
CREATE TRIGGER sales_summary_stamp_customer_delete AFTER DELETE ON customer BEGIN
  UPDATE analysis_stamp SET stamp = random() WHERE part = 'customers';
END;
CREATE TRIGGER sales_summary_stamp_customer_update AFTER UPDATE OF status, owner_id ON customer
  WHEN OLD.status IS NOT NEW.status OR OLD.owner_id IS NOT NEW.owner_id BEGIN
  UPDATE analysis_stamp SET stamp = random() WHERE part = 'customers';
END;
