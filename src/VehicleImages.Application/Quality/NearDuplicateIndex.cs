using VehicleImages.Domain.Images;
using VehicleImages.Imaging.Analysis;

namespace VehicleImages.Application.Quality;

/// <summary>
/// Finds an earlier image whose perceptual hash is within a few bits of a new one, without comparing against the
/// whole library. Multi-index hashing: the 64 bits are cut into 8 bytes; two hashes within 7 bits of each other
/// agree exactly on at least one byte (pigeonhole), so only images sharing a byte value in the same position are
/// compared.
/// </summary>
public sealed class NearDuplicateIndex
{
    private const int Bands = 8;
    public const int MaxSupportedDistance = Bands - 1;

    private readonly Dictionary<byte, List<(ImageId Id, ulong Hash)>>[] _bands =
        [.. Enumerable.Range(0, Bands).Select(_ => new Dictionary<byte, List<(ImageId, ulong)>>())];

    private readonly Lock _gate = new();

    public int Count { get; private set; }

    public void Add(ImageId id, ulong hash)
    {
        lock (_gate)
        {
            for (var band = 0; band < Bands; band++)
            {
                var key = BandOf(hash, band);
                if (!_bands[band].TryGetValue(key, out var bucket))
                {
                    _bands[band][key] = bucket = [];
                }

                bucket.Add((id, hash));
            }

            Count++;
        }
    }

    /// <summary>
    /// Every earlier image within <paramref name="maxDistance"/> bits, closest first, ties by lowest ID: an order
    /// that does not depend on insertion, since a resumed ingest loads earlier images in a different order.
    /// </summary>
    public IReadOnlyList<ImageId> Candidates(ulong hash, int maxDistance)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDistance, MaxSupportedDistance);
        lock (_gate)
        {
            var found = new Dictionary<ImageId, int>();
            for (var band = 0; band < Bands; band++)
            {
                if (!_bands[band].TryGetValue(BandOf(hash, band), out var bucket))
                {
                    continue;
                }

                foreach (var (id, candidate) in bucket)
                {
                    var distance = PerceptualHash.Distance(hash, candidate);
                    if (distance <= maxDistance)
                    {
                        found[id] = Math.Min(distance, found.GetValueOrDefault(id, int.MaxValue));
                    }
                }
            }

            return [.. found.OrderBy(pair => pair.Value).ThenBy(pair => pair.Key.Value).Select(pair => pair.Key)];
        }
    }

    private static byte BandOf(ulong hash, int band) => (byte)(hash >> (band * 8));
}
