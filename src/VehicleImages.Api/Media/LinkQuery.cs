using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using VehicleImages.Application.Media;

namespace VehicleImages.Api.Media;

/// <summary>Why a link was refused: 403 for a link not written as the API hands it out, 400 for a width that is no width.</summary>
internal sealed record LinkRefusal(int Status, string Message)
{
    public static LinkRefusal Spelling(string message) => new(StatusCodes.Status403Forbidden, message);

    public static LinkRefusal BadWidth(string message) => new(StatusCodes.Status400BadRequest, message);
}

/// <summary>
/// A media or photo link's query, read from the request as written rather than through model binding: every
/// spelling but the one the API hands out is refused, so a CDN caches each rendition once, and no malformed value
/// becomes an empty-bodied 400 from the framework.
/// </summary>
internal sealed record LinkQuery(long? Expires, string? Signature, string? Width)
{
    // The only parameters, in the only order: alphabetical, as the API writes them and URLSearchParams.sort() leaves them.
    private static readonly string[] Names = ["exp", "sig", "width"];
    private const int EchoedNameLength = 40;

    /// <summary>
    /// Reads the query of a request for <paramref name="canonicalPath"/>; false, with the refusal, when the path or the
    /// query is not written exactly as the API writes that link. The signature's own spelling is the signer's to check.
    /// </summary>
    public static bool TryRead(HttpRequest request, string canonicalPath, [NotNullWhen(true)] out LinkQuery? query, [NotNullWhen(false)] out LinkRefusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(request);
        query = null;
        var (path, rawQuery) = AsWritten(request);
        if (!string.Equals(path, request.PathBase.Value + canonicalPath, StringComparison.Ordinal))
        {
            refusal = LinkRefusal.Spelling(
                $"This link is not written as the API hands it out (IDs in lower case, VINs in upper case, no leading zeros, no escapes): it is {canonicalPath}.");
            return false;
        }

        var values = new string?[Names.Length];
        var last = -1;
        foreach (var part in rawQuery.Length == 0 ? [] : rawQuery[1..].Split('&'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var index = Array.IndexOf(Names, name);
            refusal = part.Length == 0 ? LinkRefusal.Spelling("The link has an empty parameter (a stray '&' or '?').")
                : index < 0 ? LinkRefusal.Spelling($"'{Echo(name)}' is not a parameter of this link: only exp, sig and width are.")
                : values[index] is not null ? LinkRefusal.Spelling($"'{name}' is repeated: each parameter appears once.")
                : index < last ? LinkRefusal.Spelling("The parameters must come in the order exp, sig, width.")
                : equals < 0 ? LinkRefusal.Spelling($"'{name}' has no value.")
                : null;
            if (refusal is not null)
            {
                return false;
            }

            values[index] = part[(equals + 1)..];
            last = index;
        }

        long? expires = null;
        if (values[0] is { } exp)
        {
            // Only the plain decimal the API writes: no sign, no leading zeros, nothing that is not a digit.
            if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || !IsPlainDecimal(seconds, exp))
            {
                refusal = LinkRefusal.Spelling("exp is not written as the API writes it (plain decimal unix seconds); ask the API for the link again.");
                return false;
            }

            expires = seconds;
        }

        query = new LinkQuery(expires, values[1], values[2]);
        refusal = null;
        return true;
    }

    /// <summary>
    /// The width asked for, if any: a whole number of pixels from 1 to <see cref="MediaSizing.MaxWidth"/>, written in
    /// plain decimal. A number written another way (+640, 0640, %36%34%30) is another spelling of a link (403);
    /// anything else is no width (400).
    /// </summary>
    public bool TryWidth(out int? width, [NotNullWhen(false)] out LinkRefusal? refusal)
    {
        width = null;
        refusal = null;
        if (Width is null)
        {
            return true;
        }

        // A number however it is written (escaped, signed, padded) is a spelling question; anything else is no width.
        var range = $"width must be a whole number of pixels from 1 to {MediaSizing.MaxWidth}.";
        var decoded = Uri.UnescapeDataString(Width.Replace('+', ' '));
        if (!long.TryParse(decoded, NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked))
        {
            refusal = LinkRefusal.BadWidth(range);
        }
        else if (!IsPlainDecimal(asked, Width))
        {
            refusal = LinkRefusal.Spelling("width must be written in plain decimal (no sign, no leading zeros, no escapes), so that each size has one link.");
        }
        else if (asked is < 1 or > MediaSizing.MaxWidth)
        {
            refusal = LinkRefusal.BadWidth(range);
        }
        else
        {
            width = (int)asked;
        }

        return refusal is null;
    }

    private static bool IsPlainDecimal(long value, string written) =>
        string.Equals(value.ToString(CultureInfo.InvariantCulture), written, StringComparison.Ordinal);

    // The path and query as the client wrote them (escapes and all), which is what a CDN caches by; the decoded path
    // when the server was given no origin-form target.
    private static (string Path, string Query) AsWritten(HttpRequest request)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            return (request.PathBase.Value + request.Path.Value, request.QueryString.Value ?? "");
        }

        var mark = target.IndexOf('?', StringComparison.Ordinal);
        return mark < 0 ? (target, "") : (target[..mark], target[mark..]);
    }

    private static string Echo(string name) => name.Length <= EchoedNameLength ? name : name[..EchoedNameLength] + "…";
}
