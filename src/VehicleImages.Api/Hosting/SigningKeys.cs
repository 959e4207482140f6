using System.Security.Cryptography;
using VehicleImages.Application.Media;

namespace VehicleImages.Api.Hosting;

/// <summary>
/// The media signing keys: those configured, or else one generated on first start and kept in the data folder so
/// links survive restarts, followed by the retired ones. Several processes must share configured keys; a generated
/// one is for one machine.
/// </summary>
internal static class SigningKeys
{
    private const string FileName = "media-signing.key";

    /// <summary>The keys, in use first; throws, naming the setting, when one cannot be read.</summary>
    public static IReadOnlyList<SigningKey> Load(MediaOptions options, string dataDirectory)
    {
        options.Validate();
        var inUse = options.SigningKeys.Count > 0
            ? options.SigningKeys.Select((key, i) => new SigningKey(Decode(key, $"Media:SigningKeys:{i}")))
            : [new SigningKey(Decode(Generated(dataDirectory), $"the generated key {Path.Combine(dataDirectory, FileName)}"))];
        var retired = options.RetiredSigningKeys.Select((key, i) => new SigningKey(Decode(key.Key!, $"Media:RetiredSigningKeys:{i}:Key"), key.RetiredAt));
        return [.. inUse, .. retired];
    }

    private static string Generated(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SigningKey.MinimumBytes));
            try
            {
                // CreateNew: two processes starting at once must not both write a different key.
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(file);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(path);
    }

    private static byte[] Decode(string base64, string setting)
    {
        var invalid = new InvalidOperationException($"{setting} must be a base64 string of {SigningKey.MinimumBytes} bytes or more (openssl rand -base64 32).");
        try
        {
            var secret = Convert.FromBase64String(base64.Trim());
            return secret.Length >= SigningKey.MinimumBytes ? secret : throw invalid;
        }
        catch (FormatException)
        {
            throw invalid;
        }
    }
}
