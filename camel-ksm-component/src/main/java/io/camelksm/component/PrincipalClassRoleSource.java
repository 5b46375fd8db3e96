package io.camelksm.component;

import java.security.Principal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Principals of configured classes are roles: their name is the role. A principal matches when its class, a
 * superclass or an interface it implements has one of the configured names, so a JAAS login module's group principal
 * and its subclasses count, while its user principal does not.
 * <p>
 * Classes are matched by name: a configured class that is absent at run time (an optional JDK module, a library that
 * is not deployed) simply matches nothing, with a warning at start.
 */
public final class PrincipalClassRoleSource implements RoleSource {

    /**
     * camel-ksm's own {@link RolePrincipal} and the group principals of the JDK's JAAS login modules (UNIX groups,
     * Windows group SIDs). java.security.acl.Group no longer exists.
     */
    public static final String DEFAULT_CLASSES = "io.camelksm.component.RolePrincipal"
            + ",com.sun.security.auth.UnixNumericGroupPrincipal"
            + ",com.sun.security.auth.NTSidGroupPrincipal"
            + ",com.sun.security.auth.NTSidPrimaryGroupPrincipal";

    private static final Logger LOG = LoggerFactory.getLogger(PrincipalClassRoleSource.class);

    private final Set<String> classNames;
    // the answer per principal class, worked out once: this runs on every exchange
    private final ClassValue<Boolean> matches = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return matchesByName(type);
        }
    };

    /** @param classNames comma-separated fully qualified class names */
    public PrincipalClassRoleSource(String classNames) {
        this(parse(classNames));
    }

    public PrincipalClassRoleSource(Collection<String> classNames) {
        this.classNames = Set.copyOf(classNames);
        for (String name : this.classNames) {
            if (!isPresent(name)) {
                LOG.warn("Role principal class {} is not on the class path: no principal will match it", name);
            }
        }
    }

    static List<String> parse(String classNames) {
        if (classNames == null || classNames.isBlank()) {
            return List.of();
        }
        return Arrays.stream(classNames.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    public Set<String> classNames() {
        return classNames;
    }

    @Override
    public Collection<String> roles(Principal principal) {
        return isRole(principal) && principal.getName() != null ? List.of(principal.getName()) : List.of();
    }

    @Override
    public boolean isRole(Principal principal) {
        return principal != null && !classNames.isEmpty() && matches.get(principal.getClass());
    }

    private boolean matchesByName(Class<?> type) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        collect(type, seen);
        return seen.stream().anyMatch(c -> classNames.contains(c.getName()));
    }

    private static void collect(Class<?> type, Set<Class<?>> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        collect(type.getSuperclass(), seen);
        for (Class<?> i : type.getInterfaces()) {
            collect(i, seen);
        }
    }

    private static boolean isPresent(String className) {
        for (ClassLoader loader : new ClassLoader[] {
                PrincipalClassRoleSource.class.getClassLoader(), Thread.currentThread().getContextClassLoader() }) {
            try {
                Class.forName(className, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "PrincipalClassRoleSource" + classNames;
    }
}
