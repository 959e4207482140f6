using System.Diagnostics;

namespace VehicleImages.Testing.Postgres;

/// <summary>
/// Runs PostgreSQL's programs as a user the server accepts. It refuses to run as root, so as root they run as the
/// postgres user that the Debian package creates; anyone else runs them as themselves.
/// </summary>
internal static class ServerCommand
{
    private const string ServerUser = "postgres";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>Makes a folder the server's own, so that it can write its data and its socket there.</summary>
    public static void GiveFolderToServer(string folder)
    {
        if (Environment.IsPrivilegedProcess)
        {
            Execute("chown", [$"{ServerUser}:", folder]);
        }
    }

    /// <summary>Runs a server program to its end and returns its output; throws with its messages when it fails.</summary>
    public static string Run(string program, params IReadOnlyList<string> arguments) =>
        Environment.IsPrivilegedProcess ? Execute("runuser", ["-u", ServerUser, "--", program, .. arguments]) : Execute(program, arguments);

    private static string Execute(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            // The server user may not enter the test's working folder, and the programs complain when they cannot.
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', arguments.Prepend(program))} did not finish within {Timeout}.");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException(
                $"{string.Join(' ', arguments.Prepend(program))} failed with exit code {process.ExitCode}:\n{error.Result}{output.Result}");
    }
}
