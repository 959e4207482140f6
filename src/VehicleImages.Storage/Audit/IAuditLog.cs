namespace VehicleImages.Storage.Audit;

/// <summary>An append-only record of who changed what. Every backend passes the same contract tests.</summary>
public interface IAuditLog
{
    /// <summary>Appends the entry (its ID is ignored) and returns the ID the log gave it.</summary>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries matching the query, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken);
}
