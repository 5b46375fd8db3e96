package io.camelksm.store.jdbc;

import java.util.regex.Pattern;

/** JDBC URLs for logs and error messages, with any password in them masked. */
final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private JdbcUrls() {
    }

    static String redact(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String masked = PASSWORD.matcher(jdbcUrl).replaceAll("$1******");
        return USER_INFO.matcher(masked).replaceAll("$1******@");
    }
}
