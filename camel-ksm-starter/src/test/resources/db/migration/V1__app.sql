-- The application's own first migration (Boot's Flyway finds it under classpath:db/migration).
CREATE TABLE app_order (id INT PRIMARY KEY, item VARCHAR(100));
