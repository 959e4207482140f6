using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Access;
using VehicleImages.Application.Keys;
using VehicleImages.Cli.Terminal;

namespace VehicleImages.Cli.Commands;

/// <summary>`usage [--key KEY] [--from DAY] [--to DAY] [--json]`: requests per key, day and endpoint, chargeable and not.</summary>
internal static class UsageCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var key = new Option<string>("--key") { Description = "One key's ID, whole secret or prefix (default: every key)" };
        var from = new Option<string>("--from") { Description = "First day, yyyy-MM-dd (default: the first of the month of --to)" };
        var to = new Option<string>("--to") { Description = "Last day, yyyy-MM-dd (default: today, UTC)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("usage", "Report usage per key, day and endpoint, chargeable and not, as last flushed by the API.") { key, from, to, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryDay(parse.GetValue(from), out var firstDay) || !TryDay(parse.GetValue(to), out var lastDay))
            {
                await Console.Error.WriteLineAsync("vehicle-images: --from and --to take dates as yyyy-MM-dd.");
                return ExitCodes.Usage;
            }

            await using var services = await CommonOptions.StartAsync(CommonOptions.Configuration(parse), cancellationToken);
            if (services is null)
            {
                return ExitCodes.Unavailable;
            }

            var keys = await services.GetRequiredService<KeyManager>().ListAsync(cancellationToken);
            Guid? keyId = null;
            if (parse.GetValue(key) is { Length: > 0 } given)
            {
                if (await services.GetRequiredService<KeyManager>().FindAsync(given, cancellationToken) is not { } found)
                {
                    await Console.Error.WriteLineAsync(KeysCommand.NoSuchKey(given));
                    return ExitCodes.Usage;
                }

                keyId = found.Id;
            }

            UsageReport report;
            try
            {
                report = await services.GetRequiredService<UsageReports>().ReportAsync(keyId, firstDay, lastDay, cancellationToken);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"vehicle-images: {e.Message}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                UsageView.Write(Console.Out, report, keys.ToDictionary(k => k.Id, k => $"{k.Prefix}… {k.Name}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
