-- Schema 11: stamps of what the analyses keep in memory (kehu.db.sales_arrays): the sales per
-- customer and month (sales_month), the customers' categories (customer_category) and the
-- customers' status and owner. A trigger counts every change in the part's stamp, so a copy in
-- memory is used as long as its stamp is the one stored (a copy read inside a transaction is
-- never kept: a rollback could give its number to another change).
-- Named sales_summary_stamp_*: a bulk load drops and restores them with the summaries'.
-- The arrays in memory are forgotten whenever a file is opened, so two files never share one.
-- (A counter, not a random number: SQLite's random() made each firing three times dearer.)
CREATE TABLE "analysis_stamp" ("id" INTEGER NOT NULL PRIMARY KEY, "part" VARCHAR(16) NOT NULL, "stamp" INTEGER NOT NULL);
INSERT INTO analysis_stamp (id, part, stamp) VALUES (1, 'sales', 0), (2, 'links', 0), (3, 'customers', 0);
-- A change of sales_month is logged by customer instead: the arrays read again only those
-- customers' rows (a full read takes seconds). Work done with these triggers dropped (a
-- rebuild, an owner transfer) renews the 'sales' stamp instead, which means "read all".
-- The log keeps the last 100,000 changes (each one drops the one that many before it); arrays
-- older than that are read whole again.
CREATE TABLE "analysis_change" ("seq" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL);
CREATE TRIGGER sales_summary_stamp_month_insert AFTER INSERT ON sales_month BEGIN
  INSERT INTO analysis_change (customer_id) VALUES (NEW.customer_id);
  DELETE FROM analysis_change WHERE seq = last_insert_rowid() - 100000;
END;
CREATE TRIGGER sales_summary_stamp_month_update AFTER UPDATE ON sales_month BEGIN
  INSERT INTO analysis_change (customer_id) VALUES (NEW.customer_id);
  DELETE FROM analysis_change WHERE seq = last_insert_rowid() - 100000;
END;
CREATE TRIGGER sales_summary_stamp_month_delete AFTER DELETE ON sales_month BEGIN
  INSERT INTO analysis_change (customer_id) VALUES (OLD.customer_id);
  DELETE FROM analysis_change WHERE seq = last_insert_rowid() - 100000;
END;
CREATE TRIGGER sales_summary_stamp_link_insert AFTER INSERT ON customer_category BEGIN
  UPDATE analysis_stamp SET stamp = stamp + 1 WHERE id = 2;
END;
CREATE TRIGGER sales_summary_stamp_link_update AFTER UPDATE ON customer_category BEGIN
  UPDATE analysis_stamp SET stamp = stamp + 1 WHERE id = 2;
END;
CREATE TRIGGER sales_summary_stamp_link_delete AFTER DELETE ON customer_category BEGIN
  UPDATE analysis_stamp SET stamp = stamp + 1 WHERE id = 2;
END;
CREATE TRIGGER sales_summary_stamp_customer_insert AFTER INSERT ON customer BEGIN
  UPDATE analysis_stamp SET stamp = stamp + 1 WHERE id = 3;
END;
CREATE TRIGGER sales_summary_stamp_customer_delete AFTER DELETE ON customer BEGIN
  UPDATE analysis_stamp SET stamp = stamp + 1 WHERE id = 3;
END;
CREATE TRIGGER sales_summary_stamp_customer_update AFTER UPDATE OF status, owner_id ON customer
  WHEN OLD.status IS NOT NEW.status OR OLD.owner_id IS NOT NEW.owner_id BEGIN
  UPDATE analysis_stamp SET stamp = stamp + 1 WHERE id = 3;
END;
