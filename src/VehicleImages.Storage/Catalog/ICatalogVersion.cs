namespace VehicleImages.Storage.Catalog;

/// <summary>
/// A number that changes whenever any connection, in this process or another, commits a change to the catalog: a
/// cheap, exact "has anything changed?" for caches of catalog answers. Only backends that can tell cheaply have one.
/// </summary>
public interface ICatalogVersion
{
    long Read();
}
