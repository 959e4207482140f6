using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace VehicleImages.Api.AdminUi;

/// <summary>One file of the admin UI, with its type and a validator for conditional requests.</summary>
internal sealed record AdminUiFile(byte[] Content, string ContentType, EntityTagHeaderValue ETag);

/// <summary>
/// The admin UI's pages and assets, embedded in this assembly (AdminUi/Pages, AdminUi/Assets): plain HTML, CSS and
/// JavaScript modules, served as they are, with no build step and nothing fetched from elsewhere.
/// </summary>
internal static class AdminUiFiles
{
    private const string PagePrefix = "AdminUi.Pages.";
    private const string AssetPrefix = "AdminUi.Assets.";

    private static readonly FrozenDictionary<string, AdminUiFile> Pages = Load(PagePrefix);
    private static readonly FrozenDictionary<string, AdminUiFile> Assets = Load(AssetPrefix);

    /// <summary>A page by its file name, e.g. "library.html".</summary>
    public static AdminUiFile Page(string name) => Pages[name];

    /// <summary>An asset by its file name, or null: only embedded files are ever served, so no name can reach the disk.</summary>
    public static AdminUiFile? Asset(string name) => Assets.GetValueOrDefault(name);

    private static FrozenDictionary<string, AdminUiFile> Load(string prefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[prefix.Length..], name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var content = buffer.ToArray();
                return new AdminUiFile(content, ContentType(name), new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\""));
            }, StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
