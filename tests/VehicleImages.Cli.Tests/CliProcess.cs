using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace VehicleImages.Cli.Tests;

/// <summary>The built CLI run as a real process, the way users and CI run it.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Executable
    {
        get
        {
            var configuration = typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(RepositoryRoot.Path, "src", "VehicleImages.Cli", "bin", configuration, "net10.0", "vehicle-images.dll");
        }
    }

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static CliProcess Start(IEnumerable<string> arguments, IDictionary<string, string>? environment = null) =>
        Start(arguments, environment, usageFile: null);

    /// <summary>
    /// Runs to completion under GNU time and returns, with the exit code, the CPU seconds (user and system) and the
    /// peak resident memory the process used: what its inputs cost, whatever else the machine was doing.
    /// </summary>
    public static async Task<(int ExitCode, string Output, double CpuSeconds, long PeakKilobytes)> RunMeasuredAsync(
        IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var usageFile = Path.GetTempFileName();
        try
        {
            using var process = Start(arguments, environment, usageFile);
            var exitCode = await process.WaitAsync(TimeSpan.FromMinutes(5));
            var usage = (await File.ReadAllTextAsync(usageFile)).Trim().Split('\n')[^1].Split(' ');
            var cpu = double.Parse(usage[0], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(usage[1], System.Globalization.CultureInfo.InvariantCulture);
            return (exitCode, process.StandardOutput, cpu, long.Parse(usage[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(usageFile);
        }
    }

    private static CliProcess Start(IEnumerable<string> arguments, IDictionary<string, string>? environment, string? usageFile)
    {
        var info = new ProcessStartInfo(usageFile is null ? "dotnet" : "/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (usageFile is not null)
        {
            foreach (var argument in (string[])["-f", "%U %S %M", "-o", usageFile, "dotnet"])
            {
                info.ArgumentList.Add(argument);
            }
        }

        info.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>Runs to completion and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        using var process = Start(arguments, environment);
        var exitCode = await process.WaitAsync(TimeSpan.FromMinutes(5));
        return (exitCode, process.StandardOutput, process.StandardError);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>SIGTERM: the clean stop a service manager sends, which lets the process finish its work and flush.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitAsync(timeout);
    }

    /// <summary>SIGKILL on Linux: no handler runs, nothing is flushed, as in a crash.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
