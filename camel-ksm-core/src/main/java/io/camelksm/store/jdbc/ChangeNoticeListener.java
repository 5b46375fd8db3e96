package io.camelksm.store.jdbc;

/**
 * What a node does with the changes other nodes make ({@link ChangeNotices}). Called on the listener's own thread, one
 * call at a time; must be quick and must not throw.
 */
public interface ChangeNoticeListener {

    /** A change committed in the database. */
    void noticed(ChangeNotice notice);

    /**
     * The listening connection is gone (or could not be opened): from now on changes may go unnoticed, so nothing
     * cached may be served until {@link #listening()}.
     */
    void lost();

    /**
     * Listening (again): changes are noticed from now on. Whatever was cached before may have missed some, so it is
     * dropped and read again.
     */
    void listening();
}
