using System.Diagnostics;
using Spectre.Console;
using VehicleImages.Application.Ingest;

namespace VehicleImages.Cli.Terminal;

/// <summary>
/// Shows an ingest's progress on standard error: a live bar on a terminal, a plain line every few seconds
/// otherwise (logs, CI), so standard output stays free for the summary.
/// </summary>
internal static class IngestProgressView
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    public static async Task<T> RunAsync<T>(int total, Func<IProgress<IngestProgress>, Task<T>> work, string activity = "ingest")
    {
        if (Console.IsErrorRedirected)
        {
            return await work(new PlainLines(Console.Error, total, activity));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(activity, maxValue: Math.Max(1, total));
                return await work(new Progress<IngestProgress>(p =>
                {
                    task.Value = p.Done;
                    task.Description = $"{activity} {p.Done}/{p.Total}";
                }));
            });
    }

    private sealed class PlainLines(TextWriter writer, int total, string activity) : IProgress<IngestProgress>
    {
        private readonly Lock _gate = new();
        private long _lastWrite = Stopwatch.GetTimestamp();

        public void Report(IngestProgress value)
        {
            lock (_gate)
            {
                if (value.Done != total && Stopwatch.GetElapsedTime(_lastWrite) < PlainInterval)
                {
                    return;
                }

                _lastWrite = Stopwatch.GetTimestamp();
                writer.WriteLine($"{activity}: {value.Done}/{value.Total} ({100 * value.Done / Math.Max(1, value.Total)}%) {value.Current}");
            }
        }
    }
}
