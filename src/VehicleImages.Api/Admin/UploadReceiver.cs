using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using VehicleImages.Api.Http;
using VehicleImages.Application.Admin;
using VehicleImages.Application.Ingest.Uploads;

namespace VehicleImages.Api.Admin;

/// <summary>An upload received in full: its files in their folder, and the form's text fields.</summary>
internal sealed record Upload(UploadFolder Folder, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// Streams a multipart upload straight to files in a fresh upload folder, counting bytes as they arrive: an upload
/// over the limits is refused (413) as soon as it crosses them, before it fills the disk, and nothing of it is kept.
/// </summary>
internal static class UploadReceiver
{
    private const int MaxFields = 64;
    private const int MaxFieldChars = 4096;

    public static async Task<(Upload? Upload, IResult? Problem)> ReceiveAsync(
        HttpContext context, string dataDirectory, AdminOptions options, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            return (null, Problems.BadRequest("Send the files as multipart/form-data, as a browser form with a file input does."));
        }

        if (request.ContentLength > options.MaxUploadBytes)
        {
            return (null, TooLarge(options));
        }

        // The server-wide body limit is sized for API requests; an upload gets the admin limit, also counted below.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = options.MaxUploadBytes + (1024 * 1024);
        }

        var folder = UploadFolder.Create(dataDirectory);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        IResult? problem;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = options.MaxUploadBytes };
            problem = await ReadAsync(reader, folder, fields, options, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            problem = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(options) : CutOff();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            problem = CutOff();
        }

        if (problem is null && folder.Files.Count == 0)
        {
            problem = Problems.BadRequest("The upload holds no files: choose images, or a CSV or JSONL manifest with its images.");
        }

        if (problem is not null)
        {
            folder.Delete();
            return (null, problem);
        }

        return (new Upload(folder, fields), null);
    }

    private static async Task<IResult?> ReadAsync(
        MultipartReader reader, UploadFolder folder, Dictionary<string, string> fields, AdminOptions options, CancellationToken cancellationToken)
    {
        long total = 0;
        var buffer = new byte[81920];
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
            {
                return Problems.BadRequest("Every part of the upload must be form-data with a name.");
            }

            if (!disposition.IsFileDisposition())
            {
                if (fields.Count >= MaxFields || await ReadTextAsync(section.Body, cancellationToken) is not { } value)
                {
                    return Problems.BadRequest($"At most {MaxFields} form fields of {MaxFieldChars} characters each.");
                }

                fields[HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""] = value;
                continue;
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            if (string.IsNullOrEmpty(fileName))
            {
                continue; // an empty file input still sends a part, with no name and no bytes
            }

            if (folder.Files.Count >= options.MaxUploadFiles)
            {
                return Problems.PayloadTooLarge($"At most {options.MaxUploadFiles} files per upload; upload the rest separately.");
            }

            if (folder.PathFor(fileName) is not { } path)
            {
                return Problems.BadRequest($"'{fileName}' is not a usable file name, or two files in the upload share it.");
            }

            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true);
            int read;
            while ((read = await section.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > options.MaxUploadBytes)
                {
                    return TooLarge(options);
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return null;
    }

    // Null when the value is longer than a form field may be.
    private static async Task<string?> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        var characters = new char[MaxFieldChars + 1];
        var count = 0;
        int read;
        while (count < characters.Length && (read = await reader.ReadAsync(characters.AsMemory(count), cancellationToken)) > 0)
        {
            count += read;
        }

        return count > MaxFieldChars ? null : new string(characters, 0, count);
    }

    private static IResult TooLarge(AdminOptions options) =>
        Problems.PayloadTooLarge($"An upload may hold at most {options.MaxUploadBytes / (1024 * 1024)} MiB; upload the files in smaller batches.");

    private static IResult CutOff() => Problems.BadRequest("The upload is not valid multipart/form-data, or it was cut off.");
}
