package io.camelksm.component;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.TokenSharing;

/**
 * The component options of who is calling and how long a decision's inputs are reused: the node name (the resource of
 * access rights), the read cache and how it hears of changes other nodes make (changeNotices), whether tokens are
 * shared by the nodes (tokenSharing), where the default caller resolver finds roles, and how long before its expiry a
 * credential in use warns.
 */
@UriParams
public class KsmCallerConfiguration {

    @UriParam(label = "security")
    private String nodeName;
    @UriParam(label = "security", defaultValue = "" + KsmSettings.DEFAULT_CACHE_TTL_MS, javaType = "java.time.Duration")
    private long cacheTtl = KsmSettings.DEFAULT_CACHE_TTL_MS;
    @UriParam(label = "security", defaultValue = "true")
    private boolean changeNotices = true;
    @UriParam(label = "security", enums = "node,cluster", defaultValue = KsmSettings.DEFAULT_TOKEN_SHARING_OPTION)
    private TokenSharing tokenSharing = KsmSettings.DEFAULT_TOKEN_SHARING;
    @UriParam(label = "security", defaultValue = "" + KsmSettings.DEFAULT_EXPIRY_WARNING_MS,
              javaType = "java.time.Duration")
    private long expiryWarning = KsmSettings.DEFAULT_EXPIRY_WARNING_MS;
    @UriParam(label = "security", defaultValue = PrincipalClassRoleSource.DEFAULT_CLASSES)
    private String rolePrincipalClasses = PrincipalClassRoleSource.DEFAULT_CLASSES;
    @UriParam(label = "security", defaultValue = SpringAuthenticationRoleSource.DEFAULT_PREFIX)
    private String authorityRolePrefix = SpringAuthenticationRoleSource.DEFAULT_PREFIX;

    /** The caller resolver used when none is given: the role sources these options name. */
    CallerResolver defaultCallerResolver() {
        return new DefaultCallerResolver(
                DefaultCallerResolver.defaultRoleSources(rolePrincipalClasses, authorityRolePrefix));
    }

    public String getNodeName() {
        return nodeName;
    }

    /**
     * The name of this node: the resource that access rights are checked against. Default: the host name.
     */
    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public long getCacheTtl() {
        return cacheTtl;
    }

    /**
     * How long a credential and its access rights, once read by a route, are reused before the database is asked
     * again (0 disables the cache). Changes made through this component apply at once; changes made elsewhere (the
     * CLI, another node), including a revoked access right, take effect within this time, or as soon as they commit
     * when this node hears them (changeNotices on PostgreSQL). Expiry and validity are still checked on every request.
     */
    public void setCacheTtl(long cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public boolean isChangeNotices() {
        return changeNotices;
    }

    /**
     * On PostgreSQL: whether this node listens for the changes other nodes and ksm-admin commit (LISTEN/NOTIFY), so a
     * grant, revoke, credential update or new default encryption scheme applies here as soon as it commits, not within
     * cacheTtl. Costs one database connection per node, kept open (its own, or one held from a given dataSource). While
     * the listening connection is lost every request reads the database. Turn it off behind a pooler in transaction mode (PgBouncer), which cannot keep a
     * LISTEN: cacheTtl is then the bound. Without effect on the embedded H2 database (one process).
     */
    public void setChangeNotices(boolean changeNotices) {
        this.changeNotices = changeNotices;
    }

    public TokenSharing getTokenSharing() {
        return tokenSharing;
    }

    /**
     * Whether OAuth 2.0 access tokens are cached per node (node, the default: N nodes make N token requests per token
     * lifetime) or shared by the nodes on one PostgreSQL database (cluster: one token request per lifetime for all of
     * them; tokens are stored encrypted in the database, a node without a fresh token reads it there, and one node
     * fetches for the cluster while holding a database connection). cluster needs a PostgreSQL database (jdbcUrl or
     * dataSource) and camel-ksm's own token provider (no oauth2TokenProvider given).
     */
    public void setTokenSharing(TokenSharing tokenSharing) {
        this.tokenSharing = tokenSharing;
    }

    public long getExpiryWarning() {
        return expiryWarning;
    }

    /**
     * How long before its expiry a credential in use warns (for example 14d): a WARN line on the logger
     * camel.ksm.expiry once a day per credential, and a detail of the health check camel-ksm/ksm-expiry. Default 14
     * days, time to renew a credential through a change process of a week or two; 0 turns the warnings off.
     */
    public void setExpiryWarning(long expiryWarning) {
        this.expiryWarning = expiryWarning;
    }

    public String getRolePrincipalClasses() {
        return rolePrincipalClasses;
    }

    /**
     * The principal classes (comma-separated, fully qualified) whose principals in the authenticated Subject are the
     * caller's roles; subclasses count. Any other principal, such as the user's own, is never a role. Default: camel-ksm's
     * RolePrincipal and the JDK's UNIX and Windows group principals. Used by the default caller resolver only.
     */
    public void setRolePrincipalClasses(String rolePrincipalClasses) {
        this.rolePrincipalClasses = rolePrincipalClasses;
    }

    public String getAuthorityRolePrefix() {
        return authorityRolePrefix;
    }

    /**
     * The prefix of the Spring Security granted authorities that are roles, when the Subject holds an authenticated
     * Spring Security Authentication (as camel-spring-security expects it): ROLE_ops is the role ops; other
     * authorities (FACTOR_PASSWORD, SCOPE_x) are not roles. Empty takes every authority as a role. Used by the default
     * caller resolver only.
     */
    public void setAuthorityRolePrefix(String authorityRolePrefix) {
        this.authorityRolePrefix = authorityRolePrefix;
    }
}
