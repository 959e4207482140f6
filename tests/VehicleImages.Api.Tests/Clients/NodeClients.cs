using System.Diagnostics;

namespace VehicleImages.Api.Tests.Clients;

/// <summary>
/// Runs a script from tests/clients with Node.js, where the vendors' own client libraries are installed by
/// `scripts/setup --test` (npm ci from the committed lock file).
/// </summary>
internal static class NodeClients
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "clients");

    public static async Task<string> RunAsync(string script, IDictionary<string, string> environment)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            throw new InvalidOperationException($"The vendors' npm clients are not installed in {Folder}: run scripts/setup --test (the test command does).");
        }

        var info = new ProcessStartInfo("node", Path.Combine(Folder, script))
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
