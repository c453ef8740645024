-- Schema 12: what the Today panel reads, stored and indexed (kehu.db.care_keys), so that each
-- section reads the rows it shows and counts the rest on an index instead of scanning every
-- customer, visit and key person.
-- care_key: one row per customer with its code, owner and status (copied from customer), its
-- grade (the category in the 'grade' scheme) and its latest visit (by date, then entry order:
-- the visit whose next_visit_on is the customer's plan). Kept by triggers on customer,
-- customer_category and visit; a bulk load drops them and rebuilds the table at its end.
-- birthday_key: one row per key person with a solar birthday (lunar ones are few: a partial
-- index holds them), with its month-day (MM-DD) and its customer's owner and status, so that
-- the birthdays of a window are counted on one index, for any viewer. Kept by triggers on
-- key_person and customer (named care_key_* too: a bulk load drops and rebuilds them all).
-- Trading anniversaries: an expression index on the month-day of trading_since.
-- Frozen: never edit; add a new migration instead.
CREATE TABLE "care_key" ("customer_id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(32) NOT NULL, "owner_id" INTEGER, "status" VARCHAR(16) NOT NULL, "grade_id" INTEGER, "visit_id" INTEGER, "last_visit_on" DATE, "next_visit_on" DATE);
INSERT INTO care_key (customer_id, code, owner_id, status, grade_id, visit_id, last_visit_on, next_visit_on) SELECT c.id, c.code, c.owner_id, c.status, g.category_id, l.id, l.visit_date, l.next_visit_on FROM customer c LEFT JOIN (SELECT cc.customer_id, cc.category_id FROM customer_category cc JOIN scheme s ON s.id = cc.scheme_id WHERE s.key = 'grade') g ON g.customer_id = c.id LEFT JOIN (SELECT customer_id, id, visit_date, next_visit_on, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY visit_date DESC, id DESC) AS n FROM visit) l ON l.customer_id = c.id AND l.n = 1;
CREATE INDEX "care_key_grade" ON "care_key" ("grade_id", "status", "last_visit_on", "code");
CREATE INDEX "care_key_owner_grade" ON "care_key" ("owner_id", "grade_id", "status", "last_visit_on", "code");
CREATE INDEX "care_key_next" ON "care_key" ("next_visit_on", "code");
CREATE INDEX "care_key_owner_next" ON "care_key" ("owner_id", "next_visit_on", "code");
CREATE TABLE "birthday_key" ("person_id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "month_day" VARCHAR(5) NOT NULL, "owner_id" INTEGER, "status" VARCHAR(16) NOT NULL);
INSERT INTO birthday_key (person_id, customer_id, month_day, owner_id, status) SELECT kp.id, kp.customer_id, substr(kp.birthday, 6, 5), c.owner_id, c.status FROM key_person kp JOIN customer c ON c.id = kp.customer_id WHERE kp.birthday IS NOT NULL AND kp.birthday_lunar = 0;
CREATE INDEX "birthday_key_day" ON "birthday_key" ("month_day", "status", "owner_id", "customer_id");
CREATE INDEX "birthday_key_customer" ON "birthday_key" ("customer_id");
CREATE INDEX "key_person_lunar" ON "key_person" ("customer_id") WHERE "birthday_lunar" = 1;
CREATE INDEX "customer_trading_day" ON "customer" (substr("trading_since", 6, 5), "status", "owner_id", "trading_since");
CREATE TRIGGER care_key_customer_insert AFTER INSERT ON customer BEGIN
  INSERT OR REPLACE INTO care_key (customer_id, code, owner_id, status, grade_id, visit_id, last_visit_on, next_visit_on)
    SELECT c.id, c.code, c.owner_id, c.status, (SELECT cc.category_id FROM customer_category cc JOIN scheme s ON s.id = cc.scheme_id WHERE cc.customer_id = c.id AND s.key = 'grade'), v.id, v.visit_date, v.next_visit_on
    FROM customer c LEFT JOIN visit v ON v.id = (SELECT id FROM visit WHERE customer_id = c.id ORDER BY visit_date DESC, id DESC LIMIT 1) WHERE c.id = NEW.id;
END;
CREATE TRIGGER care_key_customer_update AFTER UPDATE OF code, owner_id, status ON customer BEGIN
  UPDATE care_key SET code = NEW.code, owner_id = NEW.owner_id, status = NEW.status WHERE customer_id = NEW.id;
END;
CREATE TRIGGER care_key_customer_delete AFTER DELETE ON customer BEGIN
  DELETE FROM care_key WHERE customer_id = OLD.id;
END;
CREATE TRIGGER care_key_grade_insert AFTER INSERT ON customer_category WHEN NEW.scheme_id IN (SELECT id FROM scheme WHERE key = 'grade') BEGIN
  UPDATE care_key SET grade_id = NEW.category_id WHERE customer_id = NEW.customer_id;
END;
CREATE TRIGGER care_key_grade_update AFTER UPDATE ON customer_category BEGIN
  UPDATE care_key SET grade_id = (SELECT cc.category_id FROM customer_category cc JOIN scheme s ON s.id = cc.scheme_id WHERE cc.customer_id = care_key.customer_id AND s.key = 'grade') WHERE customer_id IN (OLD.customer_id, NEW.customer_id);
END;
CREATE TRIGGER care_key_grade_delete AFTER DELETE ON customer_category WHEN OLD.scheme_id IN (SELECT id FROM scheme WHERE key = 'grade') BEGIN
  UPDATE care_key SET grade_id = NULL WHERE customer_id = OLD.customer_id;
END;
CREATE TRIGGER care_key_visit_insert AFTER INSERT ON visit BEGIN
  UPDATE care_key SET (visit_id, last_visit_on, next_visit_on) = (SELECT id, visit_date, next_visit_on FROM visit WHERE customer_id = NEW.customer_id ORDER BY visit_date DESC, id DESC LIMIT 1) WHERE customer_id = NEW.customer_id;
END;
CREATE TRIGGER care_key_visit_update AFTER UPDATE OF customer_id, visit_date, next_visit_on ON visit BEGIN
  UPDATE care_key SET (visit_id, last_visit_on, next_visit_on) = (SELECT v.id, v.visit_date, v.next_visit_on FROM visit v WHERE v.customer_id = care_key.customer_id ORDER BY v.visit_date DESC, v.id DESC LIMIT 1) WHERE customer_id IN (OLD.customer_id, NEW.customer_id);
END;
CREATE TRIGGER care_key_visit_delete AFTER DELETE ON visit BEGIN
  UPDATE care_key SET (visit_id, last_visit_on, next_visit_on) = (SELECT id, visit_date, next_visit_on FROM visit WHERE customer_id = OLD.customer_id ORDER BY visit_date DESC, id DESC LIMIT 1) WHERE customer_id = OLD.customer_id;
END;
CREATE TRIGGER care_key_person_insert AFTER INSERT ON key_person WHEN NEW.birthday IS NOT NULL AND NEW.birthday_lunar = 0 BEGIN
  INSERT OR REPLACE INTO birthday_key (person_id, customer_id, month_day, owner_id, status)
    SELECT NEW.id, NEW.customer_id, substr(NEW.birthday, 6, 5), c.owner_id, c.status FROM customer c WHERE c.id = NEW.customer_id;
END;
CREATE TRIGGER care_key_person_update AFTER UPDATE OF birthday, birthday_lunar, customer_id ON key_person BEGIN
  DELETE FROM birthday_key WHERE person_id = OLD.id;
  INSERT OR REPLACE INTO birthday_key (person_id, customer_id, month_day, owner_id, status)
    SELECT NEW.id, NEW.customer_id, substr(NEW.birthday, 6, 5), c.owner_id, c.status FROM customer c WHERE c.id = NEW.customer_id AND NEW.birthday IS NOT NULL AND NEW.birthday_lunar = 0;
END;
CREATE TRIGGER care_key_person_delete AFTER DELETE ON key_person BEGIN
  DELETE FROM birthday_key WHERE person_id = OLD.id;
END;
CREATE TRIGGER care_key_person_customer AFTER UPDATE OF owner_id, status ON customer BEGIN
  UPDATE birthday_key SET owner_id = NEW.owner_id, status = NEW.status WHERE customer_id = NEW.id;
END;
