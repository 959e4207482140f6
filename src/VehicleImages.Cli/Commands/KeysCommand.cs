using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Cli.Commands;

/// <summary>`keys create --name NAME`: a new API key, printed once; only its hash is stored.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for", Required = true };
        var admin = new Option<bool>("--admin") { Description = "Also allow the admin API" };
        var create = new Command("create", "Create an API key and print it (it is shown this once).") { name, admin };
        create.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CommonOptions.StartAsync(CommonOptions.Configuration(parse), cancellationToken);
            if (services is null)
            {
                return ExitCodes.Unavailable;
            }

            var scopes = parse.GetValue(admin) ? KeyScopes.Api | KeyScopes.Admin : KeyScopes.Api;
            var (key, secret) = KeySecrets.Create(parse.GetValue(name)!, scopes, "default", TimeProvider.System.GetUtcNow());
            await services.GetRequiredService<IApiKeyStore>().AddAsync(key, cancellationToken);
            await Console.Error.WriteLineAsync($"Created key {key.Prefix}… \"{key.Name}\" ({key.Scopes}). Store it now: it is not shown again.");
            await Console.Out.WriteLineAsync(secret);
            return ExitCodes.Ok;
        });

        return new Command("keys", "Manage API keys.") { create };
    }
}
