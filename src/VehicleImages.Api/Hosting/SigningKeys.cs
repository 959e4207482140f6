using System.Security.Cryptography;
using VehicleImages.Application.Media;

namespace VehicleImages.Api.Hosting;

/// <summary>
/// The media signing keys: those configured, or else one generated on first start and kept in the data folder so
/// links survive restarts. Several processes must share configured keys; a generated one is for one machine.
/// </summary>
internal static class SigningKeys
{
    private const string FileName = "media-signing.key";

    public static IReadOnlyList<byte[]> Load(MediaOptions options, string dataDirectory)
    {
        if (options.SigningKeys.Count > 0)
        {
            return [.. options.SigningKeys.Select(Decode)];
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
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

        return [Decode(File.ReadAllText(path).Trim())];
    }

    private static byte[] Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("Media:SigningKeys must be base64 strings of 32 bytes or more.", e);
        }
    }
}
