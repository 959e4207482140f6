namespace VehicleImages.Api.CarsXe;

/// <summary>One image as CarsXE describes it: every field of the vendor's image object, in its order.</summary>
internal sealed record CarsXeImage(
    string Mime,
    string Link,
    string ContextLink,
    int Height,
    int Width,
    long ByteSize,
    string ThumbnailLink,
    int ThumbnailHeight,
    int ThumbnailWidth,
    string HostPageDomainFriendlyName,
    string AccentColor,
    string DatePublished);

/// <summary>A key's monthly quota as CarsXE reports it on a 429; limit and remaining are null for a plan without a quota.</summary>
internal sealed record CarsXeUsage(long Current, long? Limit, long? Remaining);

/// <summary>The /images answer: the query echoed, the images (always present), success and error; usage on a 429.</summary>
internal sealed record CarsXeResponse(IReadOnlyDictionary<string, string> Query, IReadOnlyList<CarsXeImage> Images, bool Success, string Error)
{
    public CarsXeUsage? Usage { get; init; }

    /// <summary>CarsXE's errors carry the text as "error" and, in some endpoints, "message"; both, for clients of either.</summary>
    public string? Message => Success ? null : Error;
}
