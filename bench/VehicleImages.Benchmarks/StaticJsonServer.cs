using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using VehicleImages.Benchmarks.Common;

namespace VehicleImages.Benchmarks;

/// <summary>
/// `static-json-server --body FILE --urls URL`: the peer for /images throughput. The plainest ASP.NET Core endpoint
/// there is: a slim builder, one route, a fixed byte array as application/json. Same Kestrel defaults, same GC
/// settings (server, concurrent) and the same logging levels as `vehicle-images serve`, so the difference between
/// the two is what /images does per request.
/// </summary>
internal static class StaticJsonServer
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var body = await File.ReadAllBytesAsync(options.Required("--body"));
        var path = options.Optional("--path") ?? "/images";
        var builder = WebApplication.CreateSlimBuilder();

        // As the CLI's appsettings.json: Information by default, Warning for ASP.NET Core (no per-request logs).
        builder.Configuration["Logging:LogLevel:Default"] = "Information";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        builder.WebHost.UseUrls(options.Required("--urls"));

        await using var app = builder.Build();
        app.MapGet(path, () => Results.Bytes(body, "application/json; charset=utf-8"));
        app.MapGet("/healthz", () => Results.Ok());
        await app.RunAsync();
        return 0;
    }
}
