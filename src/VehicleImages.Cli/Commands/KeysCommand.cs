using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Api.Admin;
using VehicleImages.Application.Keys;
using VehicleImages.Cli.Terminal;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Cli.Commands;

/// <summary>
/// `keys create|list|revoke|rotate|plan`: API keys for customers and apps. Secrets are printed once, to stdout,
/// when created or rotated; only their hash is stored, and listings show the prefix.
/// </summary>
internal static class KeysCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create() => new("keys", "Manage API keys: create, list, revoke, rotate, change plan.")
    {
        CreateKey(), List(), Revoke(), Rotate(), ChangePlan(),
    };

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for", Required = true };
        var plan = new Option<string>("--plan") { Description = "The plan it is held to (default: default)" };
        var admin = new Option<bool>("--admin") { Description = "Also allow the admin API" };
        var command = new Command("create", "Create an API key and print it (it is shown this once).") { name, plan, admin };
        command.SetAction((parse, cancellationToken) => WithKeysAsync(parse, async keys =>
        {
            var scopes = parse.GetValue(admin) ? KeyScopes.Api | KeyScopes.Admin : KeyScopes.Api;
            var (key, secret) = await keys.CreateAsync(parse.GetValue(name)!, parse.GetValue(plan), scopes, cancellationToken);
            await Console.Error.WriteLineAsync($"Created key {key.Prefix}… \"{key.Name}\" (id {key.Id}, plan {key.Plan}). Store it now: it is not shown again.");
            await Console.Out.WriteLineAsync(secret);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("list", "List keys, oldest first: ID, prefix, name, plan, scopes, created, revoked.") { json };
        command.SetAction((parse, cancellationToken) => WithKeysAsync(parse, async keys =>
        {
            var listed = await keys.ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(listed.Select(KeyAnswer.Of), Json));
            }
            else
            {
                KeyListView.Write(Console.Out, listed);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Revoke()
    {
        var key = KeyArgument();
        var command = new Command("revoke", "Revoke a key: every request with it is refused from now on.") { key };
        command.SetAction((parse, cancellationToken) => WithKeyAsync(parse, key, async (keys, found) =>
        {
            var revoked = (await keys.RevokeAsync(found.Id, cancellationToken))!;
            await Console.Error.WriteLineAsync($"Revoked key {revoked.Prefix}… \"{revoked.Name}\" at {revoked.RevokedAt:u}.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Rotate()
    {
        var key = KeyArgument();
        var command = new Command("rotate", "Give a key a new secret (same ID, plan and usage) and print it; the old secret stops working.") { key };
        command.SetAction((parse, cancellationToken) => WithKeyAsync(parse, key, async (keys, found) =>
        {
            if (await keys.RotateAsync(found.Id, cancellationToken) is not var (rotated, secret))
            {
                await Console.Error.WriteLineAsync($"vehicle-images: key {found.Prefix}… is revoked; a revoked key cannot be rotated.");
                return ExitCodes.Usage;
            }

            await Console.Error.WriteLineAsync($"Rotated key \"{rotated.Name}\": now {rotated.Prefix}…. Store it now: it is not shown again.");
            await Console.Out.WriteLineAsync(secret);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command ChangePlan()
    {
        var key = KeyArgument();
        var plan = new Argument<string>("PLAN") { Description = "A plan configured under Access:Plans" };
        var command = new Command("plan", "Move a key to another plan.") { key, plan };
        command.SetAction((parse, cancellationToken) => WithKeyAsync(parse, key, async (keys, found) =>
        {
            var moved = (await keys.SetPlanAsync(found.Id, parse.GetValue(plan)!, cancellationToken))!;
            await Console.Error.WriteLineAsync($"Key {moved.Prefix}… \"{moved.Name}\" is now on plan {moved.Plan}.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Argument<string> KeyArgument() => new("KEY") { Description = "The key's ID, its whole secret, or its prefix as listed (vik_XXXX)" };

    /// <summary>
    /// Why nothing was found for what was given. Anything longer than a prefix that starts like a key is a secret, or
    /// a mistyped one, so only its prefix is repeated.
    /// </summary>
    internal static string NoSuchKey(string given)
    {
        var trimmed = given.Trim();
        return trimmed.Length > KeySecrets.PrefixLength && trimmed.StartsWith(KeySecrets.Marker, StringComparison.Ordinal)
            ? $"vehicle-images: no key has the secret {KeySecrets.PrefixOf(trimmed)}… (a rotated key's old secret names nothing; see `keys list`)."
            : $"vehicle-images: no key with ID or prefix '{given}' (see `keys list`).";
    }

    private static Task<int> WithKeyAsync(
        ParseResult parse, Argument<string> argument, Func<KeyManager, ApiKey, Task<int>> action, CancellationToken cancellationToken) =>
        WithKeysAsync(parse, async keys =>
        {
            var given = parse.GetValue(argument)!;
            if (await keys.FindAsync(given, cancellationToken) is not { } found)
            {
                await Console.Error.WriteLineAsync(NoSuchKey(given));
                return ExitCodes.Usage;
            }

            return await action(keys, found);
        }, cancellationToken);

    private static async Task<int> WithKeysAsync(ParseResult parse, Func<KeyManager, Task<int>> action, CancellationToken cancellationToken)
    {
        await using var services = await CommonOptions.StartAsync(CommonOptions.Configuration(parse), cancellationToken);
        if (services is null)
        {
            return ExitCodes.Unavailable;
        }

        try
        {
            return await action(services.GetRequiredService<KeyManager>());
        }
        catch (KeyManagementException e)
        {
            await Console.Error.WriteLineAsync($"vehicle-images: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
