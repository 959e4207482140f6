using System.Collections.Concurrent;
using VehicleImages.Domain.Vins;
using VehicleImages.Storage.Vpic;

namespace VehicleImages.Application.Vins;

/// <summary>
/// Decodes VINs: from vPIC when its file is installed, else the make from the built-in WMI table and the year
/// from the VIN itself. Decodes are cached by squish VIN (the part that identifies the model), so a dealer's many
/// cars of one model cost one decode.
/// </summary>
public sealed class VinDecoder(VpicDecoder? vpic)
{
    private const int CacheLimit = 100_000;
    private readonly ConcurrentDictionary<string, VinDecoding> _cache = new(StringComparer.Ordinal);

    /// <summary>Where decodes come from, for the readiness check; null when vPIC is not installed.</summary>
    public string? VpicSource => vpic?.Description;

    public async Task<VinDecoding> DecodeAsync(Vin vin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vin);
        if (_cache.TryGetValue(vin.SquishVin, out var cached))
        {
            return cached with { Vin = vin };
        }

        var decoding = vpic is not null
            ? await vpic.DecodeAsync(vin, cancellationToken)
            : KnownWmis.MakeOf(vin) is { } make
                ? new VinDecoding { Vin = vin, ModelYear = vin.ModelYear, Make = make, Source = VinDecodingSource.BuiltInWmiTable }
                : new VinDecoding { Vin = vin, ModelYear = vin.ModelYear, Source = VinDecodingSource.VinOnly };

        // A crude bound: dropping the whole cache now and then costs some re-decodes, never memory without end.
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[vin.SquishVin] = decoding;
        return decoding;
    }
}
