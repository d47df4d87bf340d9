namespace ThiDua.Data;

/// <summary>
/// An entity two people can edit. <see cref="Version"/> is an optimistic concurrency token: it grows by one on
/// every update, and an update made against an older version fails with a conflict (HTTP 409) instead of
/// silently overwriting the other person's change.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Entities the audit log leaves out: the log itself and secrets such as Data Protection keys.</summary>
public interface INotAudited;

/// <summary>An entity with columns folded for search (no diacritics, lower case), refreshed by the DbContext on every save.</summary>
public interface ISearchable
{
    void RefreshSearch();
}
