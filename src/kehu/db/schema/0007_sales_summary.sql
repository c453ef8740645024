-- Schema 7: sales per customer and month, per category and month, per product and month,
-- kept by triggers, so that composition analyses sum a few thousand rows instead of millions
-- of sale lines. A month is the number year * 12 + month - 1 (2026-03 → 24314).
-- owner_id 0 stands for customers without an owner; category_id 0 in sales_summary holds all
-- sales (classified or not). Rows that reach lines = 0 are deleted.
CREATE TABLE "sales_month" ("customer_id" INTEGER NOT NULL, "month" INTEGER NOT NULL, "owner_id" INTEGER NOT NULL, "amount" INTEGER NOT NULL, "lines" INTEGER NOT NULL, PRIMARY KEY ("customer_id", "month")) WITHOUT ROWID;
CREATE TABLE "sales_summary" ("category_id" INTEGER NOT NULL, "month" INTEGER NOT NULL, "owner_id" INTEGER NOT NULL, "product_category" VARCHAR(60) NOT NULL, "amount" INTEGER NOT NULL, "lines" INTEGER NOT NULL, PRIMARY KEY ("category_id", "month", "owner_id", "product_category")) WITHOUT ROWID;
CREATE TABLE "product_month" ("product_id" INTEGER NOT NULL, "month" INTEGER NOT NULL, "owner_id" INTEGER NOT NULL, "amount" INTEGER NOT NULL, "lines" INTEGER NOT NULL, PRIMARY KEY ("month", "product_id", "owner_id")) WITHOUT ROWID;
-- One ABC grading applied in one step, and the grade each customer had before it (undo).
CREATE TABLE "grade_step" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER, "at" DATETIME NOT NULL, "scheme_id" INTEGER NOT NULL, "period" VARCHAR(40) NOT NULL, "thresholds" VARCHAR(40) NOT NULL, "customers" INTEGER NOT NULL, "status" VARCHAR(16) NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("scheme_id") REFERENCES "scheme" ("id") ON DELETE CASCADE);
CREATE TABLE "grade_step_change" ("step_id" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "old_category_id" INTEGER, "new_category_id" INTEGER, PRIMARY KEY ("step_id", "customer_id"), FOREIGN KEY ("step_id") REFERENCES "grade_step" ("id") ON DELETE CASCADE, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE) WITHOUT ROWID;
INSERT INTO sales_month (customer_id, month, owner_id, amount, lines) SELECT sl.customer_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 1, 2;
INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines) SELECT 0, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), sl.product_category, SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 2, 3, 4;
INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines) SELECT cc.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), sl.product_category, SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id JOIN customer_category cc ON cc.customer_id = sl.customer_id GROUP BY 1, 2, 3, 4;
INSERT INTO product_month (product_id, month, owner_id, amount, lines) SELECT COALESCE(sl.product_id, 0), CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 2, 1, 3;
CREATE TRIGGER sales_summary_line_insert AFTER INSERT ON sale_line BEGIN
  INSERT INTO sales_month (customer_id, month, owner_id, amount, lines)
    SELECT NEW.customer_id, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (customer_id, month) DO UPDATE SET amount = amount + excluded.amount, lines = lines + 1;
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT 0, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.product_category, NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    UNION ALL SELECT cc.category_id, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.product_category, NEW.amount, 1 FROM customer_category cc JOIN customer c ON c.id = cc.customer_id WHERE cc.customer_id = NEW.customer_id
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = amount + excluded.amount, lines = lines + 1;
  INSERT INTO product_month (product_id, month, owner_id, amount, lines)
    SELECT COALESCE(NEW.product_id, 0), CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (month, product_id, owner_id) DO UPDATE SET amount = amount + excluded.amount, lines = lines + 1;
END;
CREATE TRIGGER sales_summary_line_delete AFTER DELETE ON sale_line BEGIN
  UPDATE sales_month SET amount = amount - OLD.amount, lines = lines - 1
    WHERE customer_id = OLD.customer_id AND month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1;
  DELETE FROM sales_month WHERE customer_id = OLD.customer_id AND lines <= 0;
  UPDATE sales_summary SET amount = amount - OLD.amount, lines = lines - 1
    WHERE month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1
      AND owner_id = COALESCE((SELECT owner_id FROM customer WHERE id = OLD.customer_id), 0)
      AND product_category = OLD.product_category
      AND category_id IN (SELECT 0 UNION ALL SELECT category_id FROM customer_category WHERE customer_id = OLD.customer_id);
  UPDATE product_month SET amount = amount - OLD.amount, lines = lines - 1
    WHERE month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1
      AND product_id = COALESCE(OLD.product_id, 0)
      AND owner_id = COALESCE((SELECT owner_id FROM customer WHERE id = OLD.customer_id), 0);
END;
CREATE TRIGGER sales_summary_line_update AFTER UPDATE OF sale_date, customer_id, product_id, product_category, amount ON sale_line BEGIN
  UPDATE sales_month SET amount = amount - OLD.amount, lines = lines - 1
    WHERE customer_id = OLD.customer_id AND month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1;
  DELETE FROM sales_month WHERE customer_id = OLD.customer_id AND lines <= 0;
  UPDATE sales_summary SET amount = amount - OLD.amount, lines = lines - 1
    WHERE month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1
      AND owner_id = COALESCE((SELECT owner_id FROM customer WHERE id = OLD.customer_id), 0)
      AND product_category = OLD.product_category
      AND category_id IN (SELECT 0 UNION ALL SELECT category_id FROM customer_category WHERE customer_id = OLD.customer_id);
  UPDATE product_month SET amount = amount - OLD.amount, lines = lines - 1
    WHERE month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1
      AND product_id = COALESCE(OLD.product_id, 0)
      AND owner_id = COALESCE((SELECT owner_id FROM customer WHERE id = OLD.customer_id), 0);
  INSERT INTO sales_month (customer_id, month, owner_id, amount, lines)
    SELECT NEW.customer_id, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (customer_id, month) DO UPDATE SET amount = amount + excluded.amount, lines = lines + 1;
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT 0, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.product_category, NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    UNION ALL SELECT cc.category_id, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.product_category, NEW.amount, 1 FROM customer_category cc JOIN customer c ON c.id = cc.customer_id WHERE cc.customer_id = NEW.customer_id
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = amount + excluded.amount, lines = lines + 1;
  INSERT INTO product_month (product_id, month, owner_id, amount, lines)
    SELECT COALESCE(NEW.product_id, 0), CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (month, product_id, owner_id) DO UPDATE SET amount = amount + excluded.amount, lines = lines + 1;
END;
-- A customer put into a category, taken out of it, or moved: its sales follow.
CREATE TRIGGER sales_summary_link_insert AFTER INSERT ON customer_category BEGIN
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT NEW.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, COALESCE(c.owner_id, 0), sl.product_category, SUM(sl.amount), COUNT(*)
    FROM sale_line sl JOIN customer c ON c.id = sl.customer_id WHERE sl.customer_id = NEW.customer_id GROUP BY m, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines;
END;
CREATE TRIGGER sales_summary_link_delete AFTER DELETE ON customer_category BEGIN
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT OLD.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, COALESCE(c.owner_id, 0), sl.product_category, -SUM(sl.amount), -COUNT(*)
    FROM sale_line sl JOIN customer c ON c.id = sl.customer_id WHERE sl.customer_id = OLD.customer_id GROUP BY m, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines;
END;
CREATE TRIGGER sales_summary_link_update AFTER UPDATE ON customer_category BEGIN
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT OLD.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, COALESCE(c.owner_id, 0), sl.product_category, -SUM(sl.amount), -COUNT(*)
    FROM sale_line sl JOIN customer c ON c.id = sl.customer_id WHERE sl.customer_id = OLD.customer_id GROUP BY m, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines;
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT NEW.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, COALESCE(c.owner_id, 0), sl.product_category, SUM(sl.amount), COUNT(*)
    FROM sale_line sl JOIN customer c ON c.id = sl.customer_id WHERE sl.customer_id = NEW.customer_id GROUP BY m, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines;
END;
-- A customer given to another owner: its sales move with it.
CREATE TRIGGER sales_summary_owner_update AFTER UPDATE OF owner_id ON customer
  WHEN OLD.owner_id IS NOT NEW.owner_id BEGIN
  UPDATE sales_month SET owner_id = COALESCE(NEW.owner_id, 0) WHERE customer_id = NEW.id;
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT k.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, o.owner_id, sl.product_category, o.sign * SUM(sl.amount), o.sign * COUNT(*)
    FROM sale_line sl
    JOIN (SELECT 0 AS category_id UNION ALL SELECT category_id FROM customer_category WHERE customer_id = NEW.id) k
    JOIN (SELECT COALESCE(OLD.owner_id, 0) AS owner_id, -1 AS sign UNION ALL SELECT COALESCE(NEW.owner_id, 0), 1) o
    WHERE sl.customer_id = NEW.id GROUP BY k.category_id, m, o.owner_id, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines;
  INSERT INTO product_month (product_id, month, owner_id, amount, lines)
    SELECT COALESCE(sl.product_id, 0) AS p, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, o.owner_id, o.sign * SUM(sl.amount), o.sign * COUNT(*)
    FROM sale_line sl
    JOIN (SELECT COALESCE(OLD.owner_id, 0) AS owner_id, -1 AS sign UNION ALL SELECT COALESCE(NEW.owner_id, 0), 1) o
    WHERE sl.customer_id = NEW.id GROUP BY p, m, o.owner_id
    ON CONFLICT (month, product_id, owner_id) DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines;
END;
-- A deleted customer's sale lines go first (their trigger still finds the customer's owner).
CREATE TRIGGER sales_summary_customer_delete BEFORE DELETE ON customer BEGIN
  DELETE FROM sale_line WHERE customer_id = OLD.id;
END;
