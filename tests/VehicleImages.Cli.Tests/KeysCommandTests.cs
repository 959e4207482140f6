using System.Text.Json;
using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Usage.Sqlite;

namespace VehicleImages.Cli.Tests;

public sealed class KeysCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_is_created_listed_by_prefix_rotated_moved_and_revoked_from_the_command_line()
    {
        using var data = new TempDirectory("vi-cli-keys");

        var (created, secret, createdNote) = await RunAsync(data, "keys", "create", "--name", "dealer site", "--plan", "trial");
        Assert.Equal(0, created);
        secret = secret.Trim();
        Assert.Matches("^vik_[0-9A-Za-z]{32}$", secret);
        Assert.Contains("it is not shown again", createdNote, StringComparison.Ordinal);

        var listed = Single(await ListAsync(data));
        Assert.Equal(("dealer site", "trial", secret[..8]), (listed.GetProperty("name").GetString(), listed.GetProperty("plan").GetString(), listed.GetProperty("prefix").GetString()));
        var (_, table, _) = await RunAsync(data, "keys", "list");
        Assert.Contains(secret[..8] + "…", table, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, table + listed, StringComparison.Ordinal);

        var (rotated, newSecret, _) = await RunAsync(data, "keys", "rotate", secret[..8]);
        Assert.Equal(0, rotated);
        Assert.NotEqual(secret, newSecret.Trim());
        Assert.Equal(newSecret.Trim()[..8], Single(await ListAsync(data)).GetProperty("prefix").GetString());

        var id = listed.GetProperty("id").GetString()!;
        Assert.Equal(0, (await RunAsync(data, "keys", "plan", id, "default")).ExitCode);
        Assert.Equal("default", Single(await ListAsync(data)).GetProperty("plan").GetString());

        Assert.Equal(0, (await RunAsync(data, "keys", "revoke", id)).ExitCode);
        Assert.NotEqual(JsonValueKind.Null, Single(await ListAsync(data)).GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task A_key_is_moved_rotated_and_revoked_by_its_whole_secret_which_is_never_printed_back()
    {
        using var data = new TempDirectory("vi-cli-keys");
        var secret = (await RunAsync(data, "keys", "create", "--name", "dealer site")).Output.Trim();

        var moved = await RunAsync(data, "keys", "plan", secret, "trial");
        var rotated = await RunAsync(data, "keys", "rotate", secret);
        var newSecret = rotated.Output.Trim();
        var byOldSecret = await RunAsync(data, "keys", "revoke", secret);
        var revoked = await RunAsync(data, "keys", "revoke", newSecret);

        Assert.Equal((0, 0, 2, 0), (moved.ExitCode, rotated.ExitCode, byOldSecret.ExitCode, revoked.ExitCode));
        var listed = Single(await ListAsync(data));
        Assert.Equal(("trial", newSecret[..8]), (listed.GetProperty("plan").GetString(), listed.GetProperty("prefix").GetString()));
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        Assert.Contains($"no key has the secret {secret[..8]}…", byOldSecret.Error, StringComparison.Ordinal);
        var printed = string.Concat(moved.Output, moved.Error, rotated.Error, byOldSecret.Output, byOldSecret.Error, revoked.Output, revoked.Error);
        Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(newSecret, printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keys create --name app --plan gold", "No plan named 'gold'")]
    [InlineData("keys revoke vik_none", "no key with ID or prefix 'vik_none'")]
    [InlineData("keys rotate vik_Mistyped-0123456789abcdefghijklm", "no key has the secret vik_Mist… (")]
    [InlineData("usage --from yesterday", "yyyy-MM-dd")]
    public async Task Mistakes_exit_2_with_the_reason(string arguments, string reason)
    {
        using var data = new TempDirectory("vi-cli-keys");

        var (exitCode, _, error) = await RunAsync(data, arguments.Split(' '));

        Assert.Equal(2, exitCode);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_is_reported_per_day_key_and_endpoint_with_totals()
    {
        using var data = new TempDirectory("vi-cli-usage");
        var (_, secret, _) = await RunAsync(data, "keys", "create", "--name", "app");
        var id = Guid.Parse(Single(await ListAsync(data)).GetProperty("id").GetString()!);
        var store = await SqliteUsageStore.OpenAsync(Path.Combine(data.Path, "catalog.db"), Cancel);
        var day = new DateOnly(2026, 11, 2);
        await store.AddAsync([new UsageCount(id, day, "/images", true, 40), new UsageCount(id, day, "/images", false, 2), new UsageCount(id, day.AddDays(1), "/photos/{vin}", true, 5)], Cancel);
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();

        var (exitCode, json, _) = await RunAsync(data, "usage", "--key", secret.Trim()[..8], "--from", "2026-11-01", "--to", "2026-11-30", "--json");
        var (_, table, _) = await RunAsync(data, "usage", "--from", "2026-11-01", "--to", "2026-11-30");

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal((45, 2), (report.GetProperty("chargeable").GetInt32(), report.GetProperty("notChargeable").GetInt32()));
        Assert.Equal(2, report.GetProperty("lines").GetArrayLength());
        Assert.Contains("Usage 2026-11-01 to 2026-11-30: 45 chargeable, 2 not chargeable", table, StringComparison.Ordinal);
        Assert.Contains("/photos/{vin}", table, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(TempDirectory data, params string[] arguments) =>
        CliProcess.RunAsync([.. arguments, "--data", data.Path]);

    private static async Task<JsonElement> ListAsync(TempDirectory data) => JsonDocument.Parse((await RunAsync(data, "keys", "list", "--json")).Output).RootElement;

    private static JsonElement Single(JsonElement array) => Assert.Single(array.EnumerateArray());
}
