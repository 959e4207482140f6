using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Manifests;

namespace VehicleImages.Application.Ingest.Uploads;

/// <summary>
/// The files of one upload, kept flat in a folder of their own under the data folder until their ingest ends. A
/// manifest uploaded here may name only the files uploaded with it, or http(s) URLs: never other paths on the server.
/// </summary>
public sealed class UploadFolder
{
    private readonly List<string> _files = [];

    private UploadFolder(string path) => Path = path;

    public string Path { get; }

    public IReadOnlyList<string> Files => _files;

    /// <summary>A new, empty folder under <c>{dataDirectory}/uploads/</c>.</summary>
    public static UploadFolder Create(string dataDirectory)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new UploadFolder(path);
    }

    /// <summary>
    /// Where to write an uploaded file: its own name when that is a plain file name not yet taken, else null. Only
    /// the last segment of what the browser sent counts, so no name can reach outside the folder.
    /// </summary>
    public string? PathFor(string? fileName)
    {
        var name = System.IO.Path.GetFileName(fileName?.Replace('\\', '/') ?? "");
        if (name.Length is 0 or > 255 || name is "." or ".." || name.StartsWith('.') || name.Any(c => char.IsControl(c)))
        {
            return null;
        }

        var path = System.IO.Path.Combine(Path, name);
        if (_files.Contains(path, StringComparer.Ordinal))
        {
            return null;
        }

        _files.Add(path);
        return path;
    }

    /// <summary>
    /// The items to ingest: each manifest's rows, then every uploaded image no manifest names (labelled by the
    /// defaults only). Rows naming a file that was not uploaded are refused here, with their line.
    /// </summary>
    public (IReadOnlyList<IngestItem> Items, IReadOnlyList<RejectedItem> Refused) Items()
    {
        var manifests = _files.Where(ManifestReader.IsManifest).ToList();
        var items = new List<IngestItem>();
        var refused = new List<RejectedItem>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            foreach (var item in ManifestReader.Read(manifest))
            {
                if (IsUrl(item.Location) || item.Location.Length == 0 || (IsUploaded(item.Location) && !manifests.Contains(item.Location)))
                {
                    items.Add(item);
                    named.Add(item.Location);
                }
                else
                {
                    refused.Add(new RejectedItem(item.Origin, "not_uploaded", "the row names a file that was not uploaded with the manifest; upload it too, or give an http(s) URL"));
                }
            }
        }

        foreach (var file in _files.Where(f => !manifests.Contains(f) && !named.Contains(f)))
        {
            items.Add(new IngestItem(System.IO.Path.GetFileName(file), file, RawLabels.None));
        }

        return (items, refused);
    }

    /// <summary>Removes the folder and everything in it; the ingested images live on in the blob store.</summary>
    public void Delete()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }

    private bool IsUploaded(string location) => _files.Contains(location, StringComparer.Ordinal);

    private static bool IsUrl(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
