namespace VehicleImages.Storage.Audit;

/// <summary>
/// One change to the library or its keys: when, who (the admin key's ID, name and prefix), what was done to what,
/// and the state before and after as JSON (null where there was none: before a creation, after a deletion).
/// </summary>
/// <param name="Id">Assigned by the log, increasing with every entry; 0 on entries not yet appended.</param>
/// <param name="At">When the change was made.</param>
/// <param name="ActorKeyId">The ID of the admin key that made it.</param>
/// <param name="ActorName">That key's name.</param>
/// <param name="ActorPrefix">That key's prefix, e.g. "vik_Q2xh".</param>
/// <param name="Action">A dotted verb: "image.relabel", "image.delete", "key.create", "ingest.run".</param>
/// <param name="Subject">What was changed, as "kind:id": "image:5f3a0c…", "key:0197a…".</param>
/// <param name="Before">The subject's state before, as JSON.</param>
/// <param name="After">The subject's state after, as JSON.</param>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, Guid ActorKeyId, string ActorName, string ActorPrefix, string Action, string Subject, string? Before, string? After);

/// <summary>Which entries to list: all, or one subject's; newest first, older than an entry ID for paging.</summary>
public sealed record AuditQuery(string? Subject = null, long? BeforeId = null, int Limit = 50);
