using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VehicleImages.Storage.Blobs.S3;

/// <summary>
/// Reads S3 blob store options from one URL, so that a single setting names the whole store:
/// <c>s3://BUCKET[/KEY/PREFIX]?endpoint=http://127.0.0.1:7480&amp;region=us-east-1&amp;pathStyle=true&amp;accessKey=…&amp;secretKey=…</c>.
/// Keys and region left out of the URL come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and
/// AWS_REGION (or AWS_DEFAULT_REGION).
/// </summary>
public static partial class S3BlobUrl
{
    public const string Scheme = "s3://";

    private const string Expected =
        "expected s3://BUCKET[/KEY/PREFIX][?endpoint=URL&region=NAME&pathStyle=true|false&accessKey=KEY&secretKey=SECRET"
        + "&multipartThresholdMiB=N&partSizeMiB=N&timeoutSeconds=N&retries=N]";

    private static readonly string[] Parameters =
        ["endpoint", "region", "pathStyle", "accessKey", "secretKey", "sessionToken", "multipartThresholdMiB", "partSizeMiB", "timeoutSeconds", "retries"];

    public static bool IsS3Url(string? value) => value is not null && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The options the URL names; a FormatException says what is wrong with it, without echoing secrets.</summary>
    public static S3BlobOptions Parse(string url, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        environment ??= Environment.GetEnvironmentVariable;
        try
        {
            return ParseValidated(url, environment);
        }
        catch (ArgumentException e)
        {
            throw Invalid(url, e.Message.Replace("S3 blob store options: ", "", StringComparison.Ordinal).TrimEnd('.'));
        }
    }

    /// <summary>The options as a URL that parses back to them, with the secrets replaced by ***.</summary>
    public static string Format(S3BlobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = new StringBuilder(Scheme).Append(options.Bucket);
        if (options.KeyPrefix.Length > 0)
        {
            url.Append('/').Append(options.KeyPrefix);
        }

        var query = new List<string>();
        if (options.ServiceUrl is not null)
        {
            query.Add($"endpoint={Uri.EscapeDataString(options.ServiceUrl.ToString())}");
        }

        query.Add($"region={Uri.EscapeDataString(options.Region)}");
        query.Add(options.ForcePathStyle ? "pathStyle=true" : "pathStyle=false");
        if (options.AccessKey is not null)
        {
            query.Add($"accessKey={Uri.EscapeDataString(options.AccessKey)}&secretKey=***");
        }

        return url.Append('?').AppendJoin('&', query).ToString();
    }

    private static S3BlobOptions ParseValidated(string url, Func<string, string?> environment)
    {
        if (!IsS3Url(url))
        {
            throw Invalid(url, "it does not start with s3://");
        }

        var rest = url[Scheme.Length..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var location = queryStart < 0 ? rest : rest[..queryStart];
        var query = ReadQuery(url, queryStart < 0 ? "" : rest[(queryStart + 1)..]);

        var slash = location.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? location : location[..slash];
        var prefix = slash < 0 ? "" : location[(slash + 1)..].TrimEnd('/');
        if (bucket.Length == 0)
        {
            throw Invalid(url, "it names no bucket");
        }

        var accessKey = query.GetValueOrDefault("accessKey");
        var secretKey = query.GetValueOrDefault("secretKey");
        var sessionToken = query.GetValueOrDefault("sessionToken");
        if (accessKey is null && secretKey is null)
        {
            // Keys travel together: taking one from the URL and the other from the environment would mix identities.
            accessKey = NonEmpty(environment("AWS_ACCESS_KEY_ID"));
            secretKey = NonEmpty(environment("AWS_SECRET_ACCESS_KEY"));
            sessionToken ??= NonEmpty(environment("AWS_SESSION_TOKEN"));
        }

        var defaults = new S3BlobOptions { Bucket = bucket };
        var options = defaults with
        {
            ServiceUrl = query.TryGetValue("endpoint", out var endpoint) ? Endpoint(url, endpoint) : null,
            Region = query.GetValueOrDefault("region") ?? NonEmpty(environment("AWS_REGION")) ?? NonEmpty(environment("AWS_DEFAULT_REGION")) ?? defaults.Region,
            ForcePathStyle = query.TryGetValue("pathStyle", out var pathStyle) ? Boolean(url, "pathStyle", pathStyle) : defaults.ForcePathStyle,
            AccessKey = accessKey,
            SecretKey = secretKey,
            SessionToken = sessionToken,
            KeyPrefix = prefix.Length == 0 ? "" : prefix + "/",
            MultipartThreshold = query.TryGetValue("multipartThresholdMiB", out var threshold) ? (long)Count(url, "multipartThresholdMiB", threshold) * S3BlobOptions.MiB : defaults.MultipartThreshold,
            PartSize = query.TryGetValue("partSizeMiB", out var partSize) ? checked(Count(url, "partSizeMiB", partSize) * S3BlobOptions.MiB) : defaults.PartSize,
            RequestTimeout = query.TryGetValue("timeoutSeconds", out var timeout) ? TimeSpan.FromSeconds(Count(url, "timeoutSeconds", timeout)) : defaults.RequestTimeout,
            MaxRetries = query.TryGetValue("retries", out var retries) ? Count(url, "retries", retries) : defaults.MaxRetries,
        };
        options.Validate();
        return options;
    }

    private static Dictionary<string, string> ReadQuery(string url, string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var known = Parameters.FirstOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw Invalid(url, $"it has an unknown parameter '{name}'");
            if (equals < 0 || equals == pair.Length - 1)
            {
                throw Invalid(url, $"the parameter '{known}' has no value");
            }

            // UnescapeDataString leaves '+' alone: AWS secret keys contain '+' and must not turn into spaces.
            if (!values.TryAdd(known, Uri.UnescapeDataString(pair[(equals + 1)..])))
            {
                throw Invalid(url, $"the parameter '{known}' is given twice");
            }
        }

        return values;
    }

    private static Uri Endpoint(string url, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https" && endpoint.Query.Length == 0
            ? endpoint
            : throw Invalid(url, $"the endpoint '{value}' is not an absolute http(s) URL without a query");

    private static bool Boolean(string url, string name, string value) => bool.TryParse(value, out var result)
        ? result
        : throw Invalid(url, $"the parameter '{name}' is '{value}', not true or false");

    private static int Count(string url, string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result) && result <= 1_000_000
            ? result
            : throw Invalid(url, $"the parameter '{name}' is '{value}', not a whole number");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static FormatException Invalid(string url, string reason) =>
        new($"Invalid S3 blob store URL '{Redacted(url)}': {reason}; {Expected}.");

    private static string Redacted(string url) => Secrets().Replace(url, "$1=***");

    [GeneratedRegex("(secretKey|sessionToken)=[^&]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secrets();
}
