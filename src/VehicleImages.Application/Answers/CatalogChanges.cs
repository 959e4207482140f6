namespace VehicleImages.Application.Answers;

/// <summary>
/// The catalog's generation in this process: every write through this process's catalog and curation stores advances
/// it at once (see <see cref="ChangeSignallingCatalog"/>), so that whatever remembers answers drawn from the catalog
/// can tell they may be out of date.
/// </summary>
public sealed class CatalogChanges
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public void Advance() => Interlocked.Increment(ref _generation);
}
