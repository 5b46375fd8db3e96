-- An application's own first migration; its table has the name of one of camel-ksm's on purpose.
CREATE TABLE credential (id INT PRIMARY KEY, note VARCHAR(100));
